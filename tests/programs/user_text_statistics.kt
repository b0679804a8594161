# A small text statistics script: lines, words, characters, longest word and repeated words
from std.collections rimport BTreeMap
text = """It was the best of times,
it was the worst of times,
it was the age of wisdom."""
lines = 0
words = 0
longest = ""
freq = BTreeMap.new()
for line in text.lines():
    lines += 1
    for raw in line.split(" "):
        w = raw.replace(",", "").replace(".", "").to_lowercase()
        words += 1
        if len(w) > len(longest):
            longest = w.clone()
        freq[w] = freq.get(w).unwrap_or(0) + 1
print("lines:", lines)
print("words:", words)
print("chars:", text.chars().count())
print("longest:", longest)
print("distinct:", len(freq))
for w, n in freq:
    if n > 1:
        print(f"{w:<6}{n:>3}")
