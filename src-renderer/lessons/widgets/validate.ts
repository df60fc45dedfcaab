// Checks a lesson's widget directive against the widget's spec, so a typo in the
// lesson shows up as a message naming the field instead of a blank or a wrong chart.
// Control values are not checked here: the main process checks them on every run and
// its message names the control, so a second copy of its rules would only drift.
import type { ControlValues, ExperimentSpec } from '../../../src-main/api/contract';

export interface PredictChoice {
  label: string;
  range: [number, number];
}

export interface WidgetConfig {
  title: string;
  question: string;
  predict: { metric: string; choices: PredictChoice[] };
  /** Every control's starting value: the spec's default, overridden by the lesson. */
  controls: ControlValues;
  caption: string | null;
}

export type Validation = { ok: true; config: WidgetConfig } | { ok: false; problems: string[] };

const knownKeys = new Set(['title', 'question', 'predict', 'controls', 'caption']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

export function validateWidget(options: Record<string, unknown>, spec: ExperimentSpec): Validation {
  const problems: string[] = [];
  for (const key of Object.keys(options)) {
    if (!knownKeys.has(key)) problems.push(`${key}: not an option of a widget (expected ${[...knownKeys].join(', ')})`);
  }

  const title = options.title === undefined ? spec.title : options.title;
  if (typeof title !== 'string') problems.push(`title: expected text, got ${quote(options.title)}`);
  const question = options.question;
  if (typeof question !== 'string' || !question.trim()) problems.push('question: expected the prediction question as text');
  const caption = options.caption ?? null;
  if (caption !== null && typeof caption !== 'string') problems.push(`caption: expected text, got ${quote(caption)}`);

  const metricIds = spec.metrics.map((m) => m.id);
  const predict = options.predict;
  const choices: PredictChoice[] = [];
  let metric = '';
  if (!isRecord(predict)) {
    problems.push('predict: missing; a widget asks for a prediction with predict.metric and predict.choices');
  } else {
    if (typeof predict.metric !== 'string' || !metricIds.includes(predict.metric)) {
      problems.push(`predict.metric: ${quote(predict.metric)} is not a figure ${spec.widget} reports (expected one of ${metricIds.join(', ')})`);
    } else metric = predict.metric;
    if (!Array.isArray(predict.choices) || predict.choices.length < 2) {
      problems.push('predict.choices: expected a list of at least two choices, each { label, range: [low, high] }');
    } else {
      predict.choices.forEach((choice: unknown, index) => {
        const where = `predict.choices[${index}]`;
        if (!isRecord(choice) || typeof choice.label !== 'string' || !choice.label.trim()) {
          problems.push(`${where}.label: expected text`);
          return;
        }
        const range = choice.range;
        if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => typeof n === 'number' && Number.isFinite(n)) || range[0] > range[1]) {
          problems.push(`${where}.range: expected [low, high] with low ≤ high, got ${quote(range)}`);
          return;
        }
        choices.push({ label: choice.label, range: [range[0], range[1]] });
      });
    }
  }

  const controls: ControlValues = Object.fromEntries(spec.controls.map((c) => [c.id, c.default]));
  if (options.controls !== undefined) {
    if (!isRecord(options.controls)) problems.push(`controls: expected a map of control ids to values, got ${quote(options.controls)}`);
    else Object.assign(controls, options.controls);
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    config: { title: title as string, question: question as string, predict: { metric, choices }, controls, caption: caption as string | null },
  };
}

/** Whether a measured figure falls in a prediction's range (ends included). */
export function inRange(value: number, range: [number, number]): boolean {
  return value >= range[0] && value <= range[1];
}
