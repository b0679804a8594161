# A generic its arguments do not fix, whose bound no candidate meets
# (Keyton's types, the imported crate's types): the error names the bound
# and the candidates tried.
rimport counter @ "../fixtures/counter"
print(counter.origin().norm())
p = counter.placeholder()
print(p)
