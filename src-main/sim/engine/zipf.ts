/**
 * Draws key ranks 0..n-1 with Zipf popularity: P(rank i) ∝ (i + 1)^-exponent.
 * Inverse-CDF by binary search over a precomputed table, narrowed first by a
 * guide table (guide[k] = first rank whose CDF exceeds k / n), so a draw
 * looks at a handful of entries instead of log2(n). The result is the same
 * rank the plain binary search would give. Tables depend only on (n,
 * exponent) and are read-only, so they are shared between instances.
 */
import { doubles, integers } from './arrays';
import type { RandomStream } from './rng';

/** Plain arrays (see arrays.ts): a draw reads a few entries of each. */
interface ZipfTables {
  cdf: number[];
  guide: number[];
}

const TABLES_LIMIT = 8;
const tables = new Map<string, ZipfTables>();

function zipfTables(keyCount: number, exponent: number): ZipfTables {
  const id = `${keyCount}|${exponent}`;
  const known = tables.get(id);
  if (known) return known;
  const cdf = doubles(keyCount);
  let sum = 0;
  for (let i = 0; i < keyCount; i++) {
    sum += Math.pow(i + 1, -exponent);
    cdf[i] = sum;
  }
  for (let i = 0; i < keyCount; i++) cdf[i] = cdf[i]! / sum;
  const cells = keyCount;
  const guide = integers(cells + 1);
  let r = 0;
  for (let k = 0; k <= cells; k++) {
    const u = k / cells;
    while (r < keyCount - 1 && !(cdf[r]! > u)) r++;
    guide[k] = r;
  }
  const made = { cdf, guide };
  if (tables.size >= TABLES_LIMIT) tables.delete(tables.keys().next().value!);
  tables.set(id, made);
  return made;
}

export class ZipfKeys {
  private declare readonly cdf: number[];
  private declare readonly guide: number[];

  constructor(
    readonly keyCount: number,
    readonly exponent: number,
  ) {
    const t = zipfTables(keyCount, exponent);
    this.cdf = t.cdf;
    this.guide = t.guide;
  }

  draw(rng: RandomStream): number {
    const u = rng.next();
    const cdf = this.cdf;
    const n = cdf.length;
    // One cell of slack each side absorbs rounding in u·n.
    const k = Math.floor(u * n);
    let lo = k > 0 ? this.guide[k - 1]! : 0;
    let hi = k + 2 <= n ? this.guide[k + 2]! : n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Popularities p_i of the n ranks, summing to 1. */
export function zipfPopularities(keyCount: number, exponent: number): Float64Array {
  const p = new Float64Array(keyCount);
  let sum = 0;
  for (let i = 0; i < keyCount; i++) {
    p[i] = Math.pow(i + 1, -exponent);
    sum += p[i]!;
  }
  for (let i = 0; i < keyCount; i++) p[i] = p[i]! / sum;
  return p;
}
