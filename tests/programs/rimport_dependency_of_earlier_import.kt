# A script imports a crate that its earlier import built as a dependency
# (flags depends on bitflags): it is used as that build has it (bitflags
# without its `std` feature names no flag in its errors).
rimport flags @ "../fixtures/flags"
rimport bitflags
from flags rimport Perms
from bitflags.parser rimport ParseError
print(Perms.READ.bits())
print(ParseError.empty_flag())
print(ParseError.invalid_named_flag("EXEC"))
