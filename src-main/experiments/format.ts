/** Rounding and the number formats of the widgets' titles and summaries. */

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "1,500" */
export function fmtInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** "67.6 %" from 0.676 */
export function fmtPct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** "14.2 ms", or seconds once it is long, minutes and hours once it is longer. */
export function fmtMs(ms: number): string {
  if (ms >= 7_200_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
  return ms >= 2000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
}
