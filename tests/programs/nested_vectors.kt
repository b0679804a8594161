# Checks Vec<Vec<i64>>: building a grid row by row, nested index assignment, row and column sums
rows = 3
cols = 4
grid = []
for r in range(rows):
    row = []
    for c in range(cols):
        row.push(r * cols + c)
    grid.push(row)
print(grid)
grid[1][2] = 100
total = 0
for row in grid:
    for x in row:
        total += x
print(total)
col_sums = []
for c in range(cols):
    s = 0
    for r in range(rows):
        s += grid[r][c]
    col_sums.push(s)
print(col_sums)
print(grid[2], len(grid[0]))
