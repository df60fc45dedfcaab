/**
 * The error budget: how many failed user requests the uptime term allows over
 * the run, and how fast the run spent them. The series gives the shape of the
 * spending (failure rates per interval); the totals come from exact counts.
 */
import type { SimResult } from '../sim/types';

export function errorBudget(result: SimResult, uptimePct: number): { allowedFailures: number; failures: number; burn: number[] } {
  let judged = 0;
  let failures = 0;
  for (const w of result.workloads) {
    judged += w.successes + w.fallbacks + w.late + w.errors + w.timeouts;
    failures += w.late + w.errors + w.timeouts;
  }
  const allowedFailures = (judged * (100 - uptimePct)) / 100;
  const n = result.timeSec.length;
  const perInterval = new Float64Array(n);
  for (const w of result.workloads) {
    const s = w.series;
    for (let i = 0; i < n; i++) {
      const failedShare = (s.errorRate[i] ?? 0) + (s.timeoutRate[i] ?? 0);
      const lateShare = s.lateRate[i] ?? 0;
      // Throughput counts answers (late ones included); errors and timeouts are not answers.
      const answered = (s.throughputPerSec[i] ?? 0) * result.bucketSec;
      const finished = failedShare < 0.999 ? answered / (1 - failedShare) : (s.attemptsPerSec[i] ?? 0) * result.bucketSec;
      perInterval[i] = (perInterval[i] ?? 0) + (failedShare + lateShare) * finished;
    }
  }
  const shapeTotal = perInterval.reduce((a, b) => a + b, 0);
  const scale = shapeTotal > 0 ? failures / shapeTotal : 0;
  const burn: number[] = [];
  let spent = 0;
  for (let i = 0; i < n; i++) {
    spent += (perInterval[i] ?? 0) * scale;
    burn.push(allowedFailures > 0 ? spent / allowedFailures : spent > 0 ? Infinity : 0);
  }
  return { allowedFailures, failures, burn: burn.map((b) => (Number.isFinite(b) ? Math.round(b * 10_000) / 10_000 : 1e6)) };
}
