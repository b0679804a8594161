# serde_json: from_str into an annotated type, indexing, the json! macro;
# regex: iterators over matches, captures used in the cell that makes them.
rimport serde_json
from serde_json rimport Value
let v: Value = serde_json.from_str("{\"a\": 1, \"b\": [10, 20, 30], \"name\": \"kt\"}")
v["b"][1]

v["name"].as_str()

let j: Value = serde_json.json!({"x": 1, "ok": [true, false]})
serde_json.to_string(j)

rimport regex
from regex rimport Regex
re = Regex.new(r"(\w+)@(\w+)\.com")
text = "ann@example.com, bob@test.com"
for m in re.find_iter(text):
    print(m.as_str(), m.start())
caps = re.captures(text).unwrap()
caps.get(2).unwrap().as_str()

re.replace_all(text, "someone")

caps

bad = Regex.new("(unclosed")
