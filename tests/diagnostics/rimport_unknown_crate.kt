# A crate that cannot be imported stops the script before anything of it
# runs, with cargo's reason at its rimport line.
print("not printed")
rimport no_such_crate_anywhere_kt
print(no_such_crate_anywhere_kt.f())
