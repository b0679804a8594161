# A crate macro's value without an annotation: rustc tells its type (a
# probe, cached under the cache directory), and the macro's tokens may
# name the script's variables and parameters.
rimport serde_json
from serde_json rimport json

scores = [3, 5, 8]
title = "fib"
doc = json!({"title": title, "scores": scores, "count": 3})
print(doc["title"])
print(doc["scores"][2])
print(doc.to_string())

fn pair(a: i64, b: f64) -> String:
    return json!([a, b]).to_string()

print(pair(1, 2.5))

# A template's return type comes from the macro's value, per instance.
fn twice(x):
    return json!([x, x])

print(twice(3))
print(twice("s"))
docs = []
docs.push(json!({"n": scores.len()}))
print(docs[0])
