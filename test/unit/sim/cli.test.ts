import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';

const mmc = join(import.meta.dirname, '../../fixtures/models/mmc.yaml');

function capture(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('sim command line', () => {
  it('run prints a readable table with theory beside the measured figures', () => {
    const r = capture(['run', mmc, '--seed', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('M/M/c (Erlang C)');
    expect(r.out).toMatch(/station\s+server\s+4/);
  });

  it('run --json prints one JSON result', () => {
    const r = capture(['run', mmc, '--json', '--level', 'horizon']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { level: string; totals: { uptimePct: number } };
    expect(parsed.level).toBe('horizon');
    expect(parsed.totals.uptimePct).toBeGreaterThan(90);
  });

  it('a bad model exits 2 with the file, the field and what was expected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'traffic: { ratePerSec: 1, durationSec: 5 }\ncomponents: { s: { kind: server, instances: two } }\nworkloads: { a: { path: [s] } }\n');
    const r = capture(['run', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('bad.yaml: components.s.instances: expected a whole number from 1 to 10,000, got "two"');
  });

  it('bad arguments exit 2 with the usage', () => {
    expect(capture(['run', mmc, '--seed', 'x']).code).toBe(2);
    expect(capture(['frobnicate']).err).toContain('usage:');
    expect(capture(['run']).code).toBe(2);
  });
});
