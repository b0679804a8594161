# expect: 3:7 unterminated string literal (the closing '"' is missing on this line)
name = "keyton"
print("hello)
print(name)
