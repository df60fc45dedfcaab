/** What a caller can do to a run at either level: watch its progress, stop it, and how finely its series are kept. */
export interface RunControl {
  onProgress?: ((fraction: number) => void) | undefined;
  shouldStop?: (() => boolean) | undefined;
  /** The request level's event budget (the horizon's is its fixed number of steps). */
  maxEvents?: number | undefined;
}

/** How many series intervals a run of this length gets (at most 600). */
export function bucketCount(durationSec: number): number {
  return Math.max(1, Math.min(600, Math.ceil(durationSec)));
}
