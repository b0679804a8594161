# A crate macro's value without an annotation: its type comes from rustc
# (a probe built once, then cached); Keyton variables in its tokens are
# the cell's values, session variables included.
rimport serde_json
v = serde_json.json!({"a": 1, "list": [10, 20, 30]})
v["list"][1]

v.to_string()

from serde_json rimport json
n = 7
name = "kt"
w = json!({"n": n, "name": name, "twice": [n, n], "v": v})
print(w.to_string())
w["n"]

fn describe(k: i64) -> String:
    return json!([k, k + 1]).to_string()

describe(41)

json!({"shown": n})

json!(null)
print("a macro statement before the last is not shown")

bad = json!({"a": no_such_name})

letters = "ab".chars()
also_bad = json!([letters])
