# expect: 3:15 f-string: '{' is not closed by '}' (write '{{' for a literal brace)
name = "kay"
print(f"hello {name")
