# expect: 3:8 run-time error: std.fs.read_to_string returned Err: No such file or directory (os error 2)
rimport std.fs
text = std.fs.read_to_string("/nonexistent/keyton/missing.txt")
print(text)
