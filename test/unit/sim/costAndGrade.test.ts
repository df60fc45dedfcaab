import { describe, expect, it } from 'vitest';
import { grade, monthlyCost, parseModel, type SimResult } from '../../../src-main/sim/index';
import { run } from './helpers';

const model = `
traffic: { ratePerSec: 100, durationSec: 60 }
components:
  lb: { kind: loadBalancer }
  app: { kind: server, instances: 3 }
  cache: { kind: redisCache, instances: 2 }
  db: { kind: postgres, costPerInstancePerMonth: 250 }
  payment: { kind: external }
workloads:
  all: { path: [lb, app, cache, db] }
`;

describe('monthly cost', () => {
  it('is instances x price per instance, summed: checked by hand', () => {
    // lb 1 x $20 + app 3 x $70 + cache 2 x $50 + db 1 x $250 (override) + payment 1 x $0 = $580
    const cost = monthlyCost(parseModel(model, 'cost.yaml'));
    expect(cost.totalPerMonth).toBe(580);
    expect(cost.lines.find((l) => l.component === 'app')!.costPerMonth).toBe(210);
    expect(cost.lines.find((l) => l.component === 'db')!.costPerMonth).toBe(250);
  });

  it('appears in the result totals', () => {
    const r = run(parseModel(model, 'cost.yaml'), 1);
    expect(r.totals.costPerMonth).toBe(580);
  });
});

describe('grading against a contract', () => {
  const result = (): SimResult => run(parseModel(model, 'cost.yaml'), 1);

  it('gives a verdict per term with the measured figure', () => {
    const r = result();
    const v = grade(r, { uptimePct: 99.9, p95Ms: 10_000, budgetPerMonth: 500 });
    expect(v.terms.map((t) => [t.term, t.pass])).toEqual([
      ['uptime', true],
      ['p95 latency', true],
      ['monthly cost', false],
    ]);
    expect(v.terms[2]!.measured).toBe(580);
    expect(v.terms[2]!.unit).toBe('$/month');
    expect(v.pass).toBe(false);
  });

  it('checks extra terms on a workload or a component', () => {
    const r = result();
    const v = grade(r, { extra: [{ metric: 'utilisation', component: 'db', max: 0.99 }, { metric: 'throughputPerSec', workload: 'all', min: 1_000_000 }] });
    expect(v.terms[0]!.pass).toBe(true);
    expect(v.terms[1]!.pass).toBe(false);
    expect(v.terms[1]!.measured).toBe(r.workloads[0]!.throughputPerSec);
  });
});
