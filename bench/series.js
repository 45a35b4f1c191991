/** Seeded monthly sales-like series for the benchmarks: trend, seasonality and noise. */

/** Returns a PRNG (mulberry32) producing numbers in [0, 1) from a 32-bit seed. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns `length` positive values with a linear trend, a seasonal pattern and noise. */
function makeBenchmarkSeries(length, seasonLength, seed) {
  const random = seededRandom(seed);
  const values = [];
  for (let t = 0; t < length; t++) {
    const trend = 1000 + 2 * t;
    const season = 150 * Math.sin((2 * Math.PI * t) / seasonLength);
    const noise = 60 * (random() - 0.5);
    values.push(Math.round((trend + season + noise) * 100) / 100);
  }
  return values;
}

module.exports = { makeBenchmarkSeries, seededRandom };
