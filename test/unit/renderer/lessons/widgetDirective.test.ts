import { describe, expect, it } from 'vitest';
import { validateWidget } from '../../../../src-renderer/lessons/widgets/validate';
import type { ExperimentSpec } from '../../../../src-main/api/contract';

const spec: ExperimentSpec = {
  widget: 'cache-aside',
  title: 'Cache aside',
  controls: [
    { id: 'ttl', label: 'TTL', kind: 'number', unit: 's', min: 1, max: 600, step: 1, default: 60 },
    { id: 'policy', label: 'Eviction', kind: 'choice', options: [{ value: 'lru', label: 'LRU' }], default: 'lru' },
  ],
  metrics: [{ id: 'hitRatio', label: 'Hit ratio', unit: '%', ratio: true }],
};

const predict = { metric: 'hitRatio', choices: [{ label: 'Low', range: [0, 0.5] }, { label: 'High', range: [0.5, 1] }] };

describe("a lesson's widget directive", () => {
  it('starts every control at its default unless the lesson sets it', () => {
    const result = validateWidget({ question: 'How often does the cache answer?', predict, controls: { ttl: 120 } }, spec);
    expect(result).toEqual({
      ok: true,
      config: { title: 'Cache aside', question: 'How often does the cache answer?', predict: { metric: 'hitRatio', choices: predict.choices }, controls: { ttl: 120, policy: 'lru' }, caption: null },
    });
  });

  it('names a mistyped field and a figure the widget does not report', () => {
    const result = validateWidget({ question: 'Q?', predict: { ...predict, metric: 'hits' }, caption: 'c', titel: 'x' }, spec);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'titel: not an option of a widget (expected title, question, predict, controls, caption)',
      'predict.metric: "hits" is not a figure cache-aside reports (expected one of hitRatio)',
    ]);
  });

  it('passes control values on as written: the main process checks them on the run and names the control', () => {
    const result = validateWidget({ question: 'Q?', predict, controls: { ttl: 9000 } }, spec);
    expect(result.ok && result.config.controls).toEqual({ ttl: 9000, policy: 'lru' });
  });
});
