# Checks list and tuple literals, nesting, indexing and their Debug printing
nums = [3, 1, 2]
words = ["x", "y"]
grid = [[1, 2], [3, 4]]
pair = (7, "seven")
triple = (1.5, true, "t")
points = [(0, 0), (1, 2)]
let e: Vec<i64> = []
print(nums, words)
print(grid)
print(pair, triple)
print(points)
print(e, len(e))
print(grid[1][0], pair[1], triple[0])
print(len(grid), len(grid[0]))
opts = [Some(1), None]
print(opts)
print(points[1][1] + nums[0])
