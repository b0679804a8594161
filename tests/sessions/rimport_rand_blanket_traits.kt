# rand's methods come through blanket impls across crates: RngExt (rand)
# for every Rng (rand_core), itself for every TryRng.
rimport rand
from rand rimport Rng
rng = rand.rng()
x = rng.random_range(1..10)
x >= 1 and x < 10

let f: f64 = rand.random()
f >= 0.0 and f < 1.0
