# Checks that a line continues while ( or [ is open, with comments and odd indentation inside
fn total(a, b, c):
    a + b + c

nums = [
    10,   # first
    20,
    30,
]
s = total(
    nums[0],
    nums[1],
        nums[2])
print(s)
value = (1 +
         2 *
    3)
print(value)
pairs = [(1, "one"),
         (2, "two")]
print(pairs)
print("a",
      "b",
      len(nums))
grid = [[1, 2],
        [3, 4]]
print(grid[1][0] + total(1,
    2, 3))
