/**
 * The one seeded random generator of the engine. Every random choice (initial weights, data,
 * batch order) is drawn from an Rng derived from the scenario's seed and a label, so a run is a pure
 * function of its scenario. tfjs's own random ops are never used: their `seed: 0` means "unseeded".
 */

/** A small, fast, seedable generator (mulberry32) with the draws the engine needs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // 0 is a valid mulberry32 state, but the scenario contract forbids it; map it away defensively.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (Box–Muller; the second value is discarded to keep draws position-independent). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) is impossible
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A new permutation of 0…n−1 (Fisher–Yates). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  }
}

/** FNV-1a hash of a label, used to give each consumer of randomness its own stream. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator for one purpose ("init/enc/dense1/kernel", "batch/epoch3"): independent streams from one seed. */
export function rngFor(seed: number, label: string): Rng {
  let s = (Math.imul(seed >>> 0, 0x9e3779b1) ^ hashLabel(label)) >>> 0;
  if (s === 0) s = 1; // never 0, for the same reason tfjs seeds must not be 0
  return new Rng(s);
}
