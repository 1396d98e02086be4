/*
 * A seeded pseudo-random source, so a bootstrap interval is the same on every request, server and
 * database (an action's verdict must not flicker between page loads), with the samplers the
 * bootstraps draw from.
 */

export interface Random {
  /** Uniform on [0, 1). */
  next(): number;
}

/** Mulberry32: a small, fast 32-bit generator, plenty for resampling (not for secrets). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Uniform on (0, 1): never 0, so logarithms stay finite. */
function openUniform(random: Random): number {
  let u = random.next();
  while (u === 0) u = random.next();
  return u;
}

/** Standard normal (Box-Muller). */
export function sampleNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(openUniform(random))) * Math.cos(2 * Math.PI * random.next());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 through the boost Gamma(a+1)·U^(1/a). */
export function sampleGamma(random: Random, shape: number): number {
  if (shape < 1) return sampleGamma(random, shape + 1) * Math.pow(openUniform(random), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(random);
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as G_a / (G_a + G_b). */
export function sampleBeta(random: Random, a: number, b: number): number {
  const x = sampleGamma(random, a);
  const y = sampleGamma(random, b);
  return x / (x + y);
}

/**
 * Binomial(n, p) in O(log n) draws (Knuth, TAOCP vol. 2, 3.4.1, the beta split): the a-th smallest
 * of n uniforms is Beta(a, n + 1 - a); the count below p follows on one side of it.
 */
export function sampleBinomial(random: Random, n: number, p: number): number {
  let count = 0;
  let trials = n;
  let prob = p;
  while (trials > 40) {
    if (prob <= 0) return count;
    if (prob >= 1) return count + trials;
    const a = 1 + Math.floor(trials / 2);
    const b = trials + 1 - a;
    const y = sampleBeta(random, a, b);
    if (y <= prob) {
      count += a;
      trials = b - 1;
      prob = (prob - y) / (1 - y);
    } else {
      trials = a - 1;
      prob = prob / y;
    }
  }
  for (let i = 0; i < trials; i++) if (random.next() < prob) count++;
  return count;
}
