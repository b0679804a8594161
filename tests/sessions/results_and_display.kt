1 + 2

"quoted"

[1, 2, 3]

(1, "a", 2.5)

fn nothing():
    print("defined")

print("printed, no result")

display("shown now")
display("<b>bold</b>", "text/html")
print("after the display")
7 * 6

s = "no result for an assignment"

nothing()
