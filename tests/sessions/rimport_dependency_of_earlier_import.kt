# A crate an earlier import built as a dependency (flags depends on
# bitflags) is used as that import built it: nothing is built again, and
# its API is there, by path and by `from ... rimport`; its values live on
# across cells. Built without `std`, its errors name no flag; a later
# rimport that asks for `std` is refused, one that asks for what the build
# has is not.
rimport flags @ "../fixtures/flags"
from flags rimport Perms
Perms.READ.bits()

rimport bitflags
err = bitflags.parser.ParseError.empty_flag()
print(err)

from bitflags.parser rimport ParseError
print(ParseError.invalid_named_flag("EXEC"), err)

rimport bitflags[std]

rimport bitflags == "2"
print(ParseError.empty_flag())
