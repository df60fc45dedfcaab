/**
 * A lesson's widget block checked when the lesson loads, like its check blocks: the kind must be
 * one this version has, and the prediction and controls must fit that widget's spec. A writer
 * then sees the problem in the Library, not a learner in the middle of the lesson.
 */
import { z } from 'zod';
import { listExperimentSpecs, type ControlValues, type ExperimentSpec } from '../experiments/index';
import { resolveControls } from '../experiments/validate';
import { describeZodProblem } from './lessonSchema';

const blockId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');

const choice = z.object({
  label: z.string().trim().min(1, 'expected the choice as text'),
  range: z
    .tuple([z.number().finite(), z.number().finite()])
    .refine(([low, high]) => low <= high, 'expected [low, high] with low ≤ high'),
});

/** The fields the widget card reads; anything else is a typo worth naming. */
const widgetOptions = z
  .object({
    widget: blockId,
    id: blockId.optional(),
    title: z.string().trim().min(1).optional(),
    question: z.string().trim().min(1, 'expected the prediction question as text'),
    predict: z.object({ metric: z.string(), choices: z.array(choice).min(2, 'expected at least two choices') }),
    controls: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
    caption: z.string().optional(),
  })
  .strict();

export type WidgetCheck =
  | { ok: true; widget: string; id: string | undefined; options: Record<string, unknown> }
  | { ok: false; message: string };

function specProblems(spec: ExperimentSpec, predict: z.output<typeof widgetOptions>['predict'], controls: ControlValues): string[] {
  const problems: string[] = [];
  if (!spec.metrics.some((m) => m.id === predict.metric)) {
    problems.push(`predict.metric: "${predict.metric}" is not a figure ${spec.widget} reports (expected one of ${spec.metrics.map((m) => m.id).join(', ')})`);
  }
  // A measured figure inside two choices would grade both as right; ranges may only touch at an end.
  predict.choices.forEach(({ range: [low, high] }, index) => {
    const clash = predict.choices.findIndex(({ range }, other) => other < index && low < range[1] && range[0] < high);
    if (clash >= 0) problems.push(`predict.choices.${index}.range: [${low}, ${high}] overlaps choice ${clash} [${predict.choices[clash]!.range.join(', ')}]`);
  });
  // One control at a time, so every bad control is named, not only the first.
  for (const [id, value] of Object.entries(controls)) {
    try {
      resolveControls(spec, { [id]: value });
    } catch (err) {
      problems.push(`controls.${(err as Error).message}`);
    }
  }
  return problems;
}

export function checkWidgetBlock(value: unknown, specs: ExperimentSpec[] = listExperimentSpecs()): WidgetCheck {
  const kind = (value as { widget?: unknown } | null)?.widget;
  if (typeof kind === 'string' && blockId.safeParse(kind).success && !specs.some((s) => s.widget === kind)) {
    return { ok: false, message: `Unknown widget "${kind}"; this version of Backpressure has ${specs.map((s) => s.widget).join(', ')}` };
  }
  const parsed = widgetOptions.safeParse(value);
  if (!parsed.success) {
    const { field, message } = describeZodProblem(parsed.error, value);
    return { ok: false, message: `field '${field}': ${message}` };
  }
  const { widget, id, ...options } = parsed.data;
  const spec = specs.find((s) => s.widget === widget)!;
  const problems = specProblems(spec, options.predict, options.controls ?? {});
  if (problems.length > 0) return { ok: false, message: problems.join('; ') };
  return { ok: true, widget, id, options };
}
