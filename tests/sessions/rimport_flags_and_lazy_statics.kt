# Items that other crates' macros declare: a bitflags! struct with its
# consts and methods, a lazy_static! static read through Deref, a
# thread_local! static, and methods a macro writes inside an impl.
rimport flags @ "../fixtures/flags"
from flags rimport Perms, Entry
rw = Perms.READ.union(Perms.WRITE)
print(rw == Perms.RW, rw.contains(Perms.WRITE), rw.contains(Perms.EXEC))

p = Perms.empty()
p.insert(Perms.EXEC)
p.toggle(Perms.READ)
print(p.bits(), p.is_empty(), flags.describe(p))

print(Perms.from_bits(8), Perms.from_bits_truncate(15).bits())

print(rw - Perms.READ)

print(flags.LETTERS.len(), flags.LETTERS["write"])

print(flags.describe(Perms.all()), flags.calls())
flags.CALLS.set(10)
print(flags.CALLS.get(), flags.calls())

e = Entry.new(7, Perms.RW)
print(e.owner(), e.perms())
