/**
 * A seeded pseudo-random generator of standard normal deviates, so simulated prediction
 * intervals are the same on every run. Uniforms come from Marsaglia's xorshift128 (2003) on
 * four 32-bit words, normals from the Box-Muller transform.
 */
export class NormalGenerator {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = NaN;

  constructor(seed: number) {
    // Spread the seed over the 128 bits of state with a 32-bit integer hash.
    this.s0 = hash32(seed);
    this.s1 = hash32(this.s0 + 1);
    this.s2 = hash32(this.s1 + 2);
    this.s3 = hash32(this.s2 + 3) | 1;
  }

  /** Returns a uniform deviate in (0, 1), never 0 so its logarithm is finite. */
  uniform(): number {
    let t = this.s3;
    const s = this.s0;
    this.s3 = this.s2;
    this.s2 = this.s1;
    this.s1 = s;
    t ^= t << 11;
    t ^= t >>> 8;
    this.s0 = (t ^ s ^ (s >>> 19)) >>> 0;
    return (this.s0 + 0.5) / 4294967296;
  }

  /** Returns a standard normal deviate. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const value = this.spare;
      this.spare = NaN;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

/** Hashes the low 32 bits of `value` with the 32-bit finaliser of MurmurHash3. */
function hash32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
