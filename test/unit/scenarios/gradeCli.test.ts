// `sim grade`: the app's verdict from the command line, with exit codes a script can use.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { main } from '../../../src-main/cli/index';

const fixture = (p: string) => resolve(import.meta.dirname, '../../fixtures', p);
const shipped = (p: string) => resolve(import.meta.dirname, '../../../scenarios', p);

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['grade', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sim grade', () => {
  it('exits 0 when every term passes and prints each term with its figure', () => {
    const r = run([fixture('scenarios/tiny-shop.yaml'), fixture('designs/tiny-shop-three-servers.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^A tiny shop: PASS \(seed 1\)/);
    expect(r.out).toMatch(/p95 latency +<= 200 ms +[\d.]+ ms +pass/);
  });

  it('exits 1 when a term fails, and shows the hint with its remedy', () => {
    const r = run([fixture('scenarios/tiny-shop.yaml'), '--starting']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('hint: Not enough servers');
    expect(r.out).toContain('remedy (App server: 4 instances): still fails');
  });

  it('gives the same verdict as JSON, the same for the same seed', () => {
    const a = run([shipped('checkout-contention.yaml'), '--reference', '--seed', '7', '--json']);
    const b = run([shipped('checkout-contention.yaml'), '--reference', '--seed', '7', '--json']);
    expect(a.code).toBe(0);
    const parsed = JSON.parse(a.out) as { pass: boolean; seed: number; terms: unknown[] };
    expect(parsed).toMatchObject({ pass: true, seed: 7 });
    // The three headline terms, then those every design is held to: charges on time, orders before the answer, nothing done twice.
    expect((parsed.terms as { term: string }[]).map((t) => t.term)).toEqual(['uptime', 'p95 latency', 'monthly cost', 'Checkout: later than 10 min or lost', 'Must-finish steps done after the answer', 'Done twice by retries']);
    expect(b.out).toBe(a.out);
  });

  it('exits 2 with the file, the field and what was expected on bad input', () => {
    expect(run([fixture('scenarios/broken-contract.yaml'), '--reference'])).toMatchObject({ code: 2, err: 'broken-contract.yaml: contract.p95Ms: expected milliseconds, got nothing' });
    const foreign = run([fixture('scenarios/tiny-shop.yaml'), fixture('designs/tiny-shop-with-cache.json')]);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/^tiny-shop-with-cache\.json: this scenario does not offer cache \(Redis cache\)/);
    expect(run([fixture('scenarios/tiny-shop.yaml'), 'missing.json'])).toMatchObject({ code: 2, err: expect.stringMatching(/^missing\.json: could not read the design \(ENOENT\)/) });
    expect(run([fixture('scenarios/tiny-shop.yaml'), '--reference', '--drill', 'nope'])).toMatchObject({ code: 2, err: expect.stringMatching(/--drill: expected one of: \(this scenario has no drills\)/) });
    expect(run([fixture('scenarios/tiny-shop.yaml')]).code).toBe(2);
  });
});
