import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/sim/compile';
import { KIND_DEFAULTS, ModelError, parseModel, simulate, SPECIFIC_DEFAULTS, validateModel } from '../../../src-main/sim/index';

const good = `
traffic: { ratePerSec: 32, durationSec: 600 }
components:
  db: { kind: server, instances: 1, concurrency: 4, serviceTime: 100 }
workloads:
  all: { path: [db] }
`;

function errorOf(text: string, file = 'mmc.yaml'): ModelError {
  try {
    parseModel(text, file);
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected a ModelError');
}

describe('the model language', () => {
  it('accepts a plain model and fills in defaults', () => {
    const m = parseModel(
      `
traffic: { ratePerSec: 32, durationSec: 600 }
components:
  app: { kind: server, concurrency: 4 }
  db: { kind: postgres }
workloads:
  all: { path: [app, db] }
`,
      'defaults.yaml',
    );
    const [app, db] = compile(m).stations;
    // What the model says wins over the kind's default...
    expect(KIND_DEFAULTS.server.concurrency.value).not.toBe(4);
    expect(app!.concurrency).toBe(4);
    // ...and what it leaves out comes from the kind's own table.
    const server = KIND_DEFAULTS.server;
    expect(app!.service.meanSec).toBeCloseTo((server.serviceTime.value.meanMs ?? NaN) / 1000, 12);
    expect(app!.baseLatencySec).toBeCloseTo(server.baseLatencyMs.value / 1000, 12);
    expect(app!.costPerInstancePerMonth).toBe(server.costPerInstancePerMonth.value);
    expect(app!.instances).toBe(1);
    const postgres = KIND_DEFAULTS.postgres;
    expect(db!.concurrency).toBe(postgres.concurrency.value);
    expect(db!.service.minSec).toBeCloseTo((postgres.serviceTime.value.minMs ?? NaN) / 1000, 12);
    expect(db!.service.maxSec).toBeCloseTo((postgres.serviceTime.value.maxMs ?? NaN) / 1000, 12);
    expect(db!.costPerInstancePerMonth).toBe(postgres.costPerInstancePerMonth.value);
    expect(db!.hotRows).toBe(SPECIFIC_DEFAULTS.postgresHotRows.value);
    expect(db!.cpu).toEqual({ cores: SPECIFIC_DEFAULTS.databaseCpuCores.value, shareOfService: SPECIFIC_DEFAULTS.databaseCpuShare.value });
  });

  it('names the file, the field and what was expected', () => {
    const e = errorOf(good.replace('instances: 1', 'instances: "two"'));
    expect(e.message).toBe('mmc.yaml: components.db.instances: expected a whole number from 1 to 10,000, got "two"');
    expect(e.file).toBe('mmc.yaml');
    expect(e.path).toBe('components.db.instances');
    expect(e.expected).toContain('whole number');
  });

  it('rejects absurd parameters', () => {
    expect(errorOf(good.replace('instances: 1', 'instances: 1e12')).path).toBe('components.db.instances');
    expect(errorOf(good.replace('ratePerSec: 32', 'ratePerSec: -3')).message).toContain('traffic.ratePerSec: expected requests per second greater than 0');
    expect(errorOf(good.replace('serviceTime: 100', 'serviceTime: { distribution: exponential, meanMs: abc }')).path).toBe('components.db.serviceTime.meanMs');
  });

  it('reports unknown fields, kinds and component ids', () => {
    expect(errorOf(good.replace('instances: 1', 'instnaces: 1')).message).toContain('components.db.instnaces: unknown field');
    expect(errorOf(good.replace('kind: server', 'kind: sever')).message).toContain('components.db.kind: expected kind to be one of: source, loadBalancer, server');
    expect(errorOf(good.replace('path: [db]', 'path: [dbb]')).message).toBe('mmc.yaml: workloads.all.path[0]: expected a component id (one of: db), got "dbb"');
  });

  it('checks options that only make sense on some kinds', () => {
    const e = errorOf(good.replace('path: [db]', 'path: [{ component: db, locksRow: true }]'));
    expect(e.message).toContain('expected locksRow only on a postgres hop');
  });

  it('reports broken YAML and JSON with the file name', () => {
    expect(errorOf('a: [', 'broken.yaml').message).toMatch(/^broken\.yaml: expected valid YAML/);
    expect(errorOf('{"a":', 'broken.json').message).toMatch(/^broken\.json: expected valid JSON/);
  });

  it('validates plain objects the same way', () => {
    expect(() => validateModel({ traffic: {}, components: {}, workloads: {} }, 'renderer')).toThrow(/^renderer: traffic\.durationSec/);
  });

  it('refuses request-level runs too large to follow every request, and says what to do', () => {
    const huge = parseModel(good.replace('durationSec: 600', 'durationHours: 54').replace('ratePerSec: 32', 'ratePerSec: 3000'), 'big.yaml');
    expect(() => simulate(huge, { seed: 1, level: 'request' })).toThrow(/at most 5,000,000 requests for a request-level run.*horizon/);
    // Without a level, big runs go to the horizon level.
    expect(simulate(huge, { seed: 1 }).level).toBe('horizon');
  });
});
