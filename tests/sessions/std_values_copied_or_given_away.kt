# Using a session variable by value takes a copy when its type can be
# cloned; a std value that cannot (a File) moves out of the session.
from std.collections rimport HashMap
from std.fs rimport File
let counts: HashMap<String, i64> = HashMap.new()
counts["a"] = 1

fn size(m: HashMap<String, i64>) -> i64:
    return len(m)

size(counts)

counts["b"] = 2
print(len(counts), size(counts))

f = File.create("/tmp/keyton-session-test-file.txt")

std.mem.drop(f)

print(f)
