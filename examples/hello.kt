# A first Keyton program: a function, a loop, an f-string and std's HashMap.
from std.collections rimport HashMap

fn shout(word: String, times: i64) -> String:
    out = ""
    for i in range(times):
        out = out + word.to_uppercase() + "!"
    return out

text = "the quick brown fox jumps over the lazy dog the end"
counts = HashMap.new()
for word in text.split(" "):
    w = word.to_string()
    if counts.contains_key(w):
        counts[w] = counts[w] + 1
    else:
        counts.insert(w, 1)

words = []
for w, n in counts:
    words.push(w.clone())
words.sort()
for w in words:
    print(f"{w:>6} {counts[w]}")

print(shout("hello", 2), f"{len(words)} distinct words")
