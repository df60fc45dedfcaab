import { describe, expect, it } from 'vitest';
import { ModelError, parseModel, simulate, validateModel } from '../../../src-main/sim/index';

const station = { kind: 'server', instances: 1, concurrency: 4, serviceTime: 100 };
const plain = () => ({ traffic: { ratePerSec: 32, durationSec: 600 }, components: { db: { ...station } }, workloads: { all: { path: ['db'] } } });

function errorOf(run: () => unknown): ModelError {
  try {
    run();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected a ModelError');
}

/** A model with `n` workloads, as the probe sent it (about 23 characters each). */
function manyWorkloads(n: number) {
  const m = plain();
  const workloads: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) workloads[`w${i}`] = { path: ['db'] };
  return { ...m, workloads };
}

describe('the size of a model', () => {
  it('refuses a model nested 5,000 levels deep, naming the limit, as data and as text', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { inner: deep };
    const model = { ...plain(), description: deep };
    expect(errorOf(() => validateModel(model, 'deep')).message).toMatch(/^deep: expected a model nested at most 20 levels deep/);
    // Written out by hand: JSON.stringify itself recurses, and would overflow first.
    const text = `{"traffic":{"ratePerSec":1,"durationSec":1},"description":${'{"inner":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expect(errorOf(() => parseModel(text, 'deep.json')).message).toMatch(/nested at most 20 levels/);
    // YAML's flow style nests with brackets too; the recursive parser never sees it.
    const flow = `traffic: { ratePerSec: 1, durationSec: 1 }\ndescription: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(errorOf(() => parseModel(flow, 'deep.yaml')).message).toMatch(/nested at most 20 levels/);
  });

  it('refuses 30,000 workloads (a 692 KB request) by its size, before validating any of them', () => {
    const model = manyWorkloads(30_000);
    expect(JSON.stringify(model).length).toBeGreaterThan(600_000);
    expect(errorOf(() => validateModel(model, 'model')).message).toMatch(/at most 10,000 values/);
    expect(errorOf(() => parseModel(JSON.stringify(model), 'big.json')).message).toMatch(/at most 256,000 characters, got \d/);
  });

  it('bounds the parts of a model: components, workloads, faults and hops', () => {
    const components = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`c${i}`, { ...station }]));
    const faults = Array.from({ length: 101 }, () => ({ component: 'c0', fromSec: 1, toSec: 2, effect: 'fail' }));
    const e = errorOf(() => validateModel({ ...manyWorkloads(101), components, faults, workloads: { all: { path: Array(101).fill('c0') } } }, 'm'));
    const said = e.issues.map((i) => i.expected).join('\n');
    expect(said).toMatch(/at most 100 components \(this has 101\)/);
    expect(said).toMatch(/at most 100 faults/);
    expect(said).toMatch(/at most 100 hops/);
    expect(errorOf(() => validateModel(manyWorkloads(101), 'm')).message).toMatch(/at most 100 workloads \(this has 101\)/);
  });

  it('keeps a model of ordinary size valid', () => {
    expect(() => validateModel(manyWorkloads(100), 'm')).not.toThrow();
  });
});

describe('every problem in a model, in one go', () => {
  it('lists each wrong field on its own line, not only the first', () => {
    const e = errorOf(() =>
      parseModel(
        `
traffic: { ratePerSec: -1, durationSec: 600 }
components:
  db: { kind: server, instances: two, colour: red }
workloads:
  all: { path: [db], priority: 12 }
`,
        'three.yaml',
      ),
    );
    expect(e.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['traffic.ratePerSec', 'components.db.instances', 'components.db.colour', 'workloads.all.priority']));
    const lines = e.message.split('\n');
    expect(lines.length).toBe(e.issues.length);
    for (const line of lines) expect(line).toMatch(/^three\.yaml: [a-z.A-Z]+: /);
    expect(e.message).toContain('components.db.instances: expected a whole number from 1 to 10,000, got "two"');
  });

  it('names a missing component beside a wrong field, not only once the field is fixed', () => {
    const e = errorOf(() =>
      parseModel(
        `
traffic: { ratePerSec: 10, durationSec: 60 }
components:
  db: { kind: postgres, connectionPool: lots }
workloads:
  all: { path: [db, nope, { component: gone }] }
faults:
  - { component: missing, fromSec: 1, toSec: 2, effect: fail }
`,
        'both.yaml',
      ),
    );
    expect(e.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['components.db.connectionPool', 'workloads.all.path[1]', 'workloads.all.path[2].component', 'faults[0].component']),
    );
    expect(e.message).toContain('workloads.all.path[1]: expected a component id (one of: db), got "nope"');
    // Said once, though two checks find it when the fields are fine.
    const alone = errorOf(() => validateModel({ ...plain(), workloads: { all: { path: ['nope'] } } }, 'm'));
    expect(alone.issues.filter((i) => i.path === 'workloads.all.path[0]')).toHaveLength(1);
  });

  it('counts what it does not list when one mistake repeats many times', () => {
    const workloads = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`w${i}`, { path: ['nowhere'] }]));
    const e = errorOf(() => validateModel({ ...plain(), workloads }, 'm'));
    expect(e.issues).toHaveLength(60);
    expect(e.message.split('\n')).toHaveLength(21);
    expect(e.message).toMatch(/m: and 40 more problems$/);
  });
});

describe('absurd traffic', () => {
  it('refuses 10^12 requests, naming the limit, instead of answering years of latency from the horizon', () => {
    const model = validateModel({ ...plain(), traffic: { ratePerSec: 1_000_000, durationSec: 1_000_000 } }, 'm');
    for (const level of [undefined, 'horizon'] as const) {
      const e = errorOf(() => simulate(model, { seed: 1, ...(level ? { level } : {}) }));
      expect(e.message).toMatch(/traffic: expected at most 10,000,000,000 requests in a run .*, got about 1,000,000,000,000$/);
    }
  });

  it('refuses a peak from users past the rate limit', () => {
    const model = validateModel({ ...plain(), traffic: { peakUsers: 100_000_000, requestsPerUserPerSec: 1000, durationSec: 1 } }, 'm');
    expect(errorOf(() => simulate(model, { seed: 1, level: 'horizon' })).message).toMatch(/at most 10,000,000 requests per second/);
  });

  it('still runs a day of a large system at the horizon', () => {
    const model = validateModel({ ...plain(), components: { db: { ...station, instances: 10_000 } }, traffic: { ratePerSec: 100_000, durationHours: 24 } }, 'm');
    expect(simulate(model, { seed: 1 })).toMatchObject({ status: 'complete', level: 'horizon' });
  });
});
