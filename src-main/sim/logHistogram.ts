/**
 * A log-scale histogram from 1 µs to 10^5 s at 1 % resolution, for tail
 * figures where keeping every sample would cost too much.
 *
 * The bin of x is 1 + ⌊log10(x / MIN)·PER_DECADE⌋ (0 at or below MIN, the
 * last bin above the range). Adding a sample does not take a logarithm: the
 * top bits of x (its binary exponent and 7 bits of mantissa) pick a cell of
 * less than one bin's width whose first bin is tabulated, and one comparison
 * with the next bin's lowest value settles it (added as 0 or 1, without a
 * branch: whether a sample falls past its cell's edge is a coin toss, which
 * a branch would mispredict half the time). The lowest value of each bin is
 * found once, to the exact double, from the formula itself, so a sample
 * lands in exactly the bin the formula gives (tested).
 */
const MIN = 1e-6;
const PER_DECADE = 230;
const BINS = 11 * PER_DECADE + 2;
const MANTISSA_BITS = 7;
const SHIFT = 20 - MANTISSA_BITS;

/** The bin by the defining formula (a logarithm per call). */
export function logBinOf(x: number): number {
  return x > MIN ? Math.min(BINS - 1, 1 + Math.floor(Math.log10(x / MIN) * PER_DECADE)) : 0;
}

interface BinTables {
  /** lowest[i]: the smallest double in bin i (i >= 1). */
  lowest: Float64Array;
  /** First bin of each cell of doubles with the same top bits, from cellBase on. */
  cellBin: Int32Array;
  cellBase: number;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const wide = new BigInt64Array(bits.buffer);
// Little-endian hosts keep the exponent in the second word.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function highWord(x: number): number {
  bits[0] = x;
  return words[HIGH]!;
}

/** The next double up (d = 1) or down (d = -1) from a positive finite x. */
function step(x: number, d: 1 | -1): number {
  bits[0] = x;
  wide[0] = wide[0]! + BigInt(d);
  return bits[0];
}

let tables: BinTables | null = null;

function binTables(): BinTables {
  if (tables) return tables;
  const lowest = new Float64Array(BINS);
  lowest[0] = -Infinity;
  for (let i = 1; i < BINS; i++) {
    let x = i === 1 ? MIN : MIN * Math.pow(10, (i - 1) / PER_DECADE);
    while (x > 0 && logBinOf(x) >= i) x = step(x, -1);
    while (logBinOf(x) < i) x = step(x, 1);
    lowest[i] = x;
  }
  const cellBase = highWord(MIN) >>> SHIFT;
  const cellTop = highWord(lowest[BINS - 1]!) >>> SHIFT;
  const cellBin = new Int32Array(cellTop - cellBase + 1);
  for (let c = 0; c < cellBin.length; c++) {
    // The smallest double of the cell: its top bits, zeros below.
    words[HIGH] = (cellBase + c) << SHIFT;
    words[1 - HIGH] = 0;
    cellBin[c] = logBinOf(bits[0]!);
  }
  for (let c = 1; c < cellBin.length; c++) {
    if (cellBin[c]! - cellBin[c - 1]! > 1) throw new Error('log histogram: a cell spans more than one bin edge');
  }
  tables = { lowest, cellBin, cellBase };
  return tables;
}

/** Samples held back before they are binned together (see LogHistogram.add). */
const PENDING = 1024;

export class LogHistogram {
  private readonly bins = new Float64Array(BINS);
  private binned = 0;
  /** Samples added but not binned yet. */
  private readonly pending = new Float64Array(PENDING);
  private waiting = 0;
  private declare readonly lowest: Float64Array;
  private declare readonly cellBin: Int32Array;
  private declare readonly cellBase: number;

  constructor() {
    const t = binTables();
    this.lowest = t.lowest;
    this.cellBin = t.cellBin;
    this.cellBase = t.cellBase;
  }

  /** Samples per bin (bin 0 at or below MIN, then 1 % bins up to the last, above the range). */
  get counts(): Float64Array {
    this.flush();
    return this.bins;
  }

  /** How many samples were added. */
  get total(): number {
    return this.binned + this.waiting;
  }

  /** The bin of x, as logBinOf(x) gives it, without a logarithm. */
  binOf(x: number): number {
    if (!(x > MIN)) return 0;
    const lowest = this.lowest;
    if (x >= lowest[BINS - 1]!) return BINS - 1;
    bits[0] = x;
    const i = this.cellBin[(words[HIGH]! >>> SHIFT) - this.cellBase]!;
    // A cell holds at most one bin edge (checked when tabulated).
    return i + +(x >= lowest[i + 1]!);
  }

  /**
   * Adds a sample. It is binned later, with the next PENDING: binning them
   * together keeps the tables in cache while they are used, where binning
   * one sample between other work found them evicted (a few times slower in
   * the request-level run). Counts are whole numbers, so the order does not
   * change them.
   */
  add(x: number): void {
    this.pending[this.waiting++] = x;
    if (this.waiting === PENDING) this.flush();
  }

  /** Bins the samples held back. */
  private flush(): void {
    const n = this.waiting;
    const pending = this.pending;
    const bins = this.bins;
    for (let k = 0; k < n; k++) {
      const i = this.binOf(pending[k]!);
      bins[i] = bins[i]! + 1;
    }
    this.binned += n;
    this.waiting = 0;
  }

  quantile(p: number): number {
    this.flush();
    const total = this.binned;
    if (total === 0) return NaN;
    const target = p * total;
    const counts = this.bins;
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      if (seen + c >= target && c > 0) {
        if (i === 0) return 0;
        // Interpolate geometrically inside the bin.
        const f = (target - seen) / c;
        return MIN * Math.pow(10, (i - 1 + f) / PER_DECADE);
      }
      seen += c;
    }
    return NaN;
  }
}
