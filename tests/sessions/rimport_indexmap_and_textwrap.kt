# indexmap: a map that keeps insertion order; `IndexMap.new()` is in the
# impl for the default hasher only; walked, indexed and tested with `in`. textwrap: a width passed where Rust
# wants `Into<Options>`, lines as `Cow<str>` borrowed from the text.
rimport indexmap == "2"
from indexmap rimport IndexMap
counts = IndexMap.new()
for w in "pear apple pear fig apple pear".split(" "):
    counts.entry(w.to_string()).or_insert(0) += 1
counts

for word, n in counts:
    print(word, n)
print("fig" in counts, counts["apple"])
counts.get_index(0)

rimport textwrap == "0.16"
text = "The quick brown fox jumps over the lazy dog."
for line in textwrap.wrap(text, 16):
    print(line, len(line))
print(textwrap.fill(text, 24))

lines = textwrap.wrap(text, 16)
len(lines)

lines
