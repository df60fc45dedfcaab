/**
 * A slow report (3 minutes of work) asked for by a few users, while many
 * others browse pages on the same API. Inside the request, each report holds
 * an API thread for its whole run although its caller gave up at the
 * timeout; behind a queue, the API answers "accepted" with a job id at once,
 * workers build the report, and the client polls for its status.
 */
import type { ModelInput } from '../sim/index';
import { num, str } from './controls';
import { intervalEnds, runModel } from './simulation';
import { fmtInt, fmtMs, fmtPct, round } from './format';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const API_INSTANCES = 2;
const API_THREADS = 8;
const PAGE_MS = 20;
const PAGES_PER_SEC = 100;
const REPORT_MS = 180_000;
const TIMEOUT_MS = 30_000;
const SUBMIT_MS = 5;
const POLL_EVERY_SEC = 5;
const POLL_MS = 2;
const RUN_SEC = 3600;
/** Waiting places per API instance: past them a request is refused (a real server's accept queue is bounded too). */
const API_MAX_QUEUE = 10_000;
const WARMUP_SEC = 600;

type Mode = 'sync' | 'async';

const spec: ExperimentSpec = {
  widget: 'sync-vs-async',
  title: `A 3-minute report on an API of ${API_INSTANCES * API_THREADS} threads that also serves ${PAGES_PER_SEC} page views/s`,
  controls: [
    {
      id: 'mode',
      label: 'Where the report is built',
      kind: 'choice',
      options: [
        { value: 'sync', label: 'inside the request' },
        { value: 'async', label: 'queue + workers, client polls' },
      ],
      default: 'sync',
    },
    { id: 'reportsPerMinute', label: 'Reports asked for', kind: 'number', unit: 'per min', min: 0.5, max: 30, step: 0.5, default: 4 },
    { id: 'workers', label: 'Report workers (queue mode)', kind: 'number', unit: 'workers', min: 1, max: 100, step: 1, default: 16 },
  ],
  metrics: [
    { id: 'pagesP95Ms', label: 'Page views p95', unit: 'ms' },
    { id: 'pagesOnTime', label: 'Page views answered within 1 s', unit: '%', ratio: true },
    { id: 'apiBusyThreads', label: 'API threads busy (mean)', unit: 'count' },
    { id: 'reportsTimedOut', label: 'Report requests that timed out', unit: '%', ratio: true },
    { id: 'reportsDelivered', label: 'Reports ready for their caller by the end of the hour', unit: '%', ratio: true },
    { id: 'reportReadyMs', label: 'Time until a report is ready (mean)', unit: 'ms' },
  ],
};

function model(mode: Mode, reportsPerSec: number, workers: number): ModelInput {
  const components: ModelInput['components'] = {
    api: { kind: 'server', instances: API_INSTANCES, concurrency: API_THREADS, serviceTime: { distribution: 'exponential', meanMs: PAGE_MS }, baseLatencyMs: 0, maxQueue: API_MAX_QUEUE },
  };
  const report = { distribution: 'deterministic', meanMs: REPORT_MS } as const;
  if (mode === 'sync') {
    return {
      name: 'sync-vs-async widget (inside the request)',
      traffic: { ratePerSec: PAGES_PER_SEC + reportsPerSec, durationSec: RUN_SEC, warmupSec: WARMUP_SEC },
      components,
      workloads: {
        pages: { share: PAGES_PER_SEC, path: ['api'], deadlineMs: 1000 },
        // The thread builds the report whether or not anybody is still waiting for it.
        reports: { share: reportsPerSec, path: [{ component: 'api', serviceTime: report }], timeoutMs: TIMEOUT_MS, deadlineMs: TIMEOUT_MS },
      },
    };
  }
  const polls = pollsPerSec(reportsPerSec);
  components.jobs = { kind: 'queue' };
  components.workers = { kind: 'workerPool', instances: workers, concurrency: 1, serviceTime: report };
  return {
    name: 'sync-vs-async widget (queue and workers)',
    traffic: { ratePerSec: PAGES_PER_SEC + reportsPerSec + polls, durationSec: RUN_SEC, warmupSec: WARMUP_SEC },
    components,
    workloads: {
      pages: { share: PAGES_PER_SEC, path: ['api'], deadlineMs: 1000 },
      reports: { share: reportsPerSec, path: [{ component: 'api', serviceTime: { distribution: 'exponential', meanMs: SUBMIT_MS } }, 'jobs', 'workers'], deadlineMs: 1000 },
      polls: { share: polls, path: [{ component: 'api', serviceTime: { distribution: 'exponential', meanMs: POLL_MS } }], deadlineMs: 1000 },
    },
  };
}

/** Each client polls for its job until the report is ready: about (report time / poll interval) polls per report. */
const pollsPerSec = (reportsPerSec: number): number => reportsPerSec * (REPORT_MS / 1000 / POLL_EVERY_SEC);

const byId = <T extends { id: string }>(list: T[], id: string): T => list.find((x) => x.id === id)!;

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const mode = str(controls, 'mode') as Mode;
  const perMinute = num(controls, 'reportsPerMinute');
  const workers = Math.round(num(controls, 'workers'));
  const reportsPerSec = perMinute / 60;

  const outcome = runModel(model(mode, reportsPerSec, workers), spec.widget, seed, hooks);

  const api = byId(outcome.components, 'api');
  const pages = byId(outcome.workloads, 'pages');
  const reports = byId(outcome.workloads, 'reports');
  const busy = api.utilisation * api.servers;
  const timedOut = reports.userRequests > 0 ? reports.timeouts / reports.userRequests : 0;
  // Inside the request nobody receives the report: the caller left at the timeout.
  const readyMs = mode === 'async' && reports.asyncCompleted > 0 ? reports.asyncMeanMs : Number.POSITIVE_INFINITY;
  const pagesOnTime = pages.uptimePct / 100;
  const delivered = mode === 'async' && reports.userRequests > 0 ? reports.asyncCompleted / reports.userRequests : 0;

  // Little's law: threads held by reports = reports/s × how long each holds one.
  const heldByReports = mode === 'sync' ? (reportsPerSec * REPORT_MS) / 1000 : (reportsPerSec * SUBMIT_MS + pollsPerSec(reportsPerSec) * POLL_MS) / 1000;
  const pageThreads = (PAGES_PER_SEC * PAGE_MS) / 1000;
  const workerLoad = reportsPerSec * (REPORT_MS / 1000);

  const timeSec = intervalEnds(outcome);
  const latency = pages.series.p95Ms;
  const kept = latency.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
  const notes: string[] = [];
  if (mode === 'async' && workerLoad >= workers) notes.push(`${fmtInt(workers)} worker${workers === 1 ? '' : 's'} finish at most ${round((workers * 60_000) / REPORT_MS, 1)} reports a minute, fewer than are asked for, so the queue of reports never drains`);

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      pagesP95Ms: round(pages.p95Ms, 1),
      pagesOnTime: round(pagesOnTime, 4),
      apiBusyThreads: round(busy, 1),
      reportsTimedOut: round(timedOut, 4),
      reportsDelivered: round(delivered, 4),
      // Only a queued report is ever ready for its caller.
      ...(Number.isFinite(readyMs) ? { reportReadyMs: round(readyMs, 0) } : {}),
    },
    theory: {
      apiBusyThreads: { value: round(heldByReports + pageThreads, 2), method: "Little's law: requests/s × time each holds a thread, for reports (or their submits and polls) and page views" },
    },
    series: [
      thinSeries({ id: 'pagesP95Ms', label: 'Page views p95', unit: 'ms', ratio: false, timeSec: kept.map((i) => timeSec[i]!), values: kept.map((i) => round(latency[i]!, 1)) }),
      thinSeries({ id: 'apiBusy', label: 'API threads busy', unit: 'threads', ratio: false, timeSec, values: api.series.utilisation.map((u) => round(u * api.servers, 2)) }),
      ...(mode === 'async'
        ? [thinSeries({ id: 'jobsWaiting', label: 'Reports waiting for a worker', unit: 'jobs', ratio: false, timeSec, values: byId(outcome.components, 'workers').series.queueDepth.map((d) => round(d, 2)) })]
        : []),
    ],
    bars: [
      {
        id: 'threads',
        label: "Where the API threads go (Little's law)",
        unit: 'threads',
        bars: [
          { label: 'page views', value: round(pageThreads, 2), tone: 'accent' },
          { label: mode === 'sync' ? 'reports' : 'submits and polls', value: round(heldByReports, 2), tone: heldByReports + pageThreads > api.servers * 0.8 ? 'fail' : 'muted' },
        ],
      },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'apiBusy', value: api.servers, label: `${fmtInt(api.servers)} threads` },
      { axis: 'value', seriesId: 'threads', value: api.servers, label: `${fmtInt(api.servers)} threads` },
    ],
    summary:
      (mode === 'sync'
        ? `Built inside the request, ${fmtPct(timedOut)} of report requests timed out at 30 s while their threads worked on for 3 minutes; `
        : (Number.isFinite(readyMs) ? `Behind a queue, reports were accepted in milliseconds and ready after ${fmtMs(readyMs)} on average; ` : 'Behind a queue, reports were accepted in milliseconds but none was ready by the end; ')) +
      `the API averaged ${round(busy, 1)} of ${fmtInt(api.servers)} threads busy and page views had a p95 of ${fmtMs(pages.p95Ms)} (${fmtPct(pagesOnTime)} within 1 s).` +
      (notes.length ? ` Note: ${notes.join('; ')}.` : ''),
  };
}

export const experiment: Experiment = { spec, run };
