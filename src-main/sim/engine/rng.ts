/**
 * Seeded random streams. Each stream is an sfc32 generator seeded from a hash
 * of (seed, stream name), so adding a component or a workload never shifts
 * the draws of another one.
 */

/** 32-bit FNV-1a over the characters of a string, folded with the seed. */
function hashName(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Mix the high half of the seed in too: seeds above 2^32 stay distinct.
  return (h ^ Math.floor(seed / 4294967296)) | 0;
}

/** splitmix32: spreads one 32-bit value into well-mixed state words. */
function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [state, (z ^ (z >>> 16)) | 0];
}

const TWO_POW_32 = 4294967296;

export class RandomStream {
  // State: four 32-bit words in plain fields (small integers, never boxed). Not a typed array: where
  // any ArrayBuffer was ever detached (tsx does), every typed-array access carries a detach check.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, name: string) {
    let state = hashName(seed, name);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, word] = splitmix32(state);
      state = next;
      words.push(word);
    }
    this.a = words[0]!;
    this.b = words[1]!;
    this.c = words[2]!;
    this.d = words[3]!;
    // Discard the first outputs: sfc32 needs a few rounds to decorrelate.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Exponential with the given mean. 1 - u lies in (0, 1], so the log is finite. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.nextUint32() / TWO_POW_32);
  }

  /** Standard normal by Box-Muller (one value per call; simplicity over speed). */
  normal(): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Whole number in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}
