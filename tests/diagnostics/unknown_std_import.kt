# expect: 2:30 no item 'HashMapp' in std.collections; did you mean 'HashMap'?
from std.collections rimport HashMapp
