# A grade report: per-student averages, letter grades, a formatted table and the best student
fn average(xs: Vec<i64>) -> f64:
    total = 0
    for x in xs:
        total += x
    float(total) / float(len(xs))
fn letter(avg: f64) -> String:
    if avg >= 90.0:
        return "A"
    elif avg >= 80.0:
        return "B"
    elif avg >= 70.0:
        return "C"
    return "F"
students = [("ana", [92, 88, 95]), ("ben", [75, 64, 81]), ("cy", [58, 71, 66])]
best_name = ""
best_avg = 0.0
passed = 0
for name, scores in students:
    avg = average(scores.clone())
    print(f"{name:<5}{avg:>7.2} {letter(avg)}")
    if letter(avg) != "F":
        passed += 1
    if avg > best_avg:
        best_avg = avg
        best_name = name.clone()
print(f"best: {best_name} ({best_avg:.1})")
print(f"passed: {passed}/{len(students)}")
