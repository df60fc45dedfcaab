/**
 * What the renderer sees of scenarios, designs and graded runs. Plain data
 * (JSON and structured-clone safe); re-exported by the API contract, so the
 * renderer imports these as types only.
 */
import type { OptionSpec, OptionValues } from '../sim/models/kind';
import type { ComponentKind, CostBreakdown, SimResult, TermVerdict } from '../sim/types';

export type Difficulty = 'intro' | 'medium' | 'hard';
export type TrafficShapeName = 'steady' | 'morningSurge' | 'flashSale' | 'diurnal' | 'spike';

/** The contract as the learner reads it on the briefing. */
export interface ContractView {
  uptimePct: number;
  p95Ms: number;
  budgetPerMonth: number;
  /** Extra terms, e.g. "zero oversold units": what is measured, and the limit it must stay within. */
  extra: { id: string; label: string; comparison: 'min' | 'max'; target: number; unit: string }[];
}

export interface ScenarioSummary {
  id: string;
  title: string;
  category: string;
  difficulty: Difficulty;
  /** One line for the list. */
  summary: string;
  contract: ContractView;
  /** File name inside the scenarios folder, so errors and tools can name it. */
  file: string;
}

export interface TrafficView {
  baselineUsers: number;
  peakUsers: number;
  shape: TrafficShapeName;
  hours: number;
  requestsPerUserPerSec: number;
  /** Active users over the run, sampled for drawing (about 200 points). */
  curve: { hour: number; users: number }[];
}

// A kind's settings are described in its own file (sim/models/); the renderer reads their types through here.
export type { OptionSpec, OptionValues };

/** A component kind on the designer's palette. */
export interface PaletteEntry {
  kind: ComponentKind;
  label: string;
  /** One line: what it is for. */
  purpose: string;
  costPerInstancePerMonth: number;
  maxInstances: number;
  options: OptionSpec[];
}

/** A component every design has and the learner cannot remove (e.g. the payment provider). */
export interface FixedComponentView {
  id: string;
  kind: ComponentKind;
  label: string;
  purpose: string;
}

/** A piece of work a request needs, done by the first component on its path that can do it. */
export interface WorkStepView {
  label: string;
  /** Component kinds (or fixed component ids) that can do this step. */
  doneBy: string[];
  /** Must finish before the user is answered (may not sit behind a queue or stream). */
  mustFinishFirst: boolean;
  /** What it changes in the world ("a charge"), which a retry without an idempotency key can do twice; null if nothing. */
  sideEffect: string | null;
}

export interface WorkloadView {
  id: string;
  label: string;
  description: string;
  /** Share of user requests, 0..1 (of its part of the traffic, when it has one). */
  share: number;
  /** The part of the traffic it makes up: the baseline there all along, or the surge above it (null: all of it). */
  part: 'baseline' | 'surge' | null;
  deadlineMs: number;
  steps: WorkStepView[];
  /** What a fallback answer gives the user, and whether it counts as up. */
  fallback: { gives: string; acceptable: boolean } | null;
  /** Background work of this workload must be done within this many minutes. */
  backgroundWithinMinutes: number;
}

export interface DrillView {
  id: string;
  title: string;
  description: string;
  /** When the fault is on, in hours from the start of the run. */
  fromHour: number;
  toHour: number;
}

export interface ScenarioDocument extends ScenarioSummary {
  story: string;
  briefing: { concept: string; keyPoints: string[] };
  traffic: TrafficView;
  workloads: WorkloadView[];
  palette: PaletteEntry[];
  fixed: FixedComponentView[];
  interviewQuestions: string[];
  lessons: { id: string; title: string | null }[];
  drills: DrillView[];
}

export interface ScenarioList {
  /**
   * `passed`: the learner's own design passed. `referencePassed`: only the loaded reference did, which is
   * not the learner passing. `best` is the best of the learner's own attempts, or of the reference runs when
   * there are no others.
   */
  scenarios: (ScenarioSummary & { attempts: number; best: AttemptSummary | null; passed: boolean; referencePassed: boolean })[];
  problems: { file: string; field: string | null; message: string }[];
}

// ---------- designs ----------

/** The users: where every workload's path starts. Not a component; never in `components`. */
export const USERS_NODE = 'users';

export interface DesignComponent {
  id: string;
  kind: ComponentKind;
  /** Name shown on the canvas; defaults to the id. */
  label?: string;
  x: number;
  y: number;
  instances: number;
  options: OptionValues;
}

/** A wire from one node to another, carrying some workloads. `from` may be "users". */
export interface DesignWire {
  from: string;
  to: string;
  workloads: string[];
}

/** The reliability controls the learner sets per workload. */
export interface WorkloadPolicy {
  /** Per attempt; null = wait as long as it takes. */
  timeoutMs: number | null;
  retry: 'none' | 'fixed' | 'exponential';
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Answer with a degraded response instead of an error. */
  fallback: boolean;
  /** Retries carry an idempotency key, so a charge or an order already made is not made again. */
  idempotencyKey: boolean;
}

export interface Design {
  format: 'backpressure-design';
  version: 1;
  scenarioId: string;
  components: DesignComponent[];
  wires: DesignWire[];
  policies: Record<string, WorkloadPolicy>;
}

export interface DesignProblem {
  severity: 'error' | 'warning';
  message: string;
  component?: string;
  workload?: string;
}

/** The designer's live check: problems, each workload's path, the cost. */
export interface DesignCheck {
  design: Design;
  problems: DesignProblem[];
  /** Component ids in order (users excluded); hops after a queue or stream run in the background. */
  paths: Record<string, { hops: string[]; asyncFrom: number | null }>;
  costPerMonth: number;
  costLines: { component: string; kind: ComponentKind; instances: number; costPerMonth: number }[];
  runnable: boolean;
}

// ---------- runs and attempts ----------

export interface RemedyOutcome {
  description: string;
  /** What the remedy changed in the design, in words. */
  changes: string[];
  pass: boolean;
  terms: TermVerdict[];
}

export interface FiredHint {
  id: string;
  title: string;
  text: string;
  /** The measured figures that made it fire, in words. */
  evidence: string[];
  lessons: string[];
  remedy: RemedyOutcome | null;
}

/** Work that piled up out of sight (async backlog, dead letters) while the users saw success. */
export interface SilentFailure {
  workload: string;
  message: string;
}

export interface ScenarioRunResult {
  attemptId: number;
  scenarioId: string;
  at: string;
  seed: number;
  drill: string | null;
  pass: boolean;
  terms: TermVerdict[];
  result: SimResult;
  /** Peak traffic: when, and how many users. */
  peak: { timeSec: number; users: number };
  errorBudget: {
    /** Failed user requests the uptime term allows over the run. */
    allowedFailures: number;
    failures: number;
    /** Share of the budget used by the end of each interval (1 = spent). */
    burn: number[];
  };
  hints: FiredHint[];
  silentFailures: SilentFailure[];
  cost: CostBreakdown;
}

/** A graded run before it is stored: the attempt's id and time come from the database. */
export type GradedRun = Omit<ScenarioRunResult, 'attemptId' | 'at'>;

export interface AttemptSummary {
  id: number;
  scenarioId: string;
  at: string;
  seed: number;
  drill: string | null;
  pass: boolean;
  termsPassed: number;
  termsTotal: number;
  uptimePct: number;
  p95Ms: number;
  costPerMonth: number;
  /** Work that piled up unseen in this run (see ScenarioRunResult.silentFailures). */
  silentFailures: number;
  /** The run was of the scenario's reference design, not the learner's own. */
  fromReference: boolean;
}
