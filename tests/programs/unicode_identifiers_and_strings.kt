# Checks Unicode letters in identifiers and non-ASCII string content
größe = 3
café = "crème brûlée"
π = 3.14
print(größe * 2)
print(café)
print(café.chars().count())
print(café.to_uppercase())
grüße = f"{café} kostet {größe} €"
print(grüße)
名前 = "東京"
print(名前, 名前.chars().count())
print(π * 2.0)
print("ü" in café, "û" in café)
