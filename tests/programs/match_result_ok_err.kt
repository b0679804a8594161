# Checks match with Ok and Err patterns on a Result value returned by a Keyton function
fn safe_div(a: i64, b: i64) -> Result<i64, String>:
    if b == 0:
        return Err("division by zero")
    Ok(a // b)
for b in [2, 0, -3]:
    match safe_div(7, b):
        case Ok(q):
            print("ok", q)
        case Err(e):
            print("error:", e)
fn parse_flag(s: String) -> Result<bool, String>:
    match s:
        case "yes":
            return Ok(true)
        case "no":
            return Ok(false)
        case _:
            return Err(f"not a flag: {s}")
for word in ["yes", "maybe", "no"]:
    match parse_flag(word.clone()):
        case Ok(true):
            print(word, "-> on")
        case Ok(false):
            print(word, "-> off")
        case Err(msg):
            print(msg)
