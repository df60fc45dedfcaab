// A figure the caching lesson quotes for a component must be the figure the scenarios use for it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KIND_DEFAULTS } from '../../../src-main/sim/index';

const lesson = readFileSync(fileURLToPath(new URL('../../../content/lessons/caching.md', import.meta.url)), 'utf8');

const postgres = KIND_DEFAULTS.postgres;
// NaN when the default stops being a range, so every quote of it fails loudly.
const { minMs: postgresMinMs = NaN, maxMs: postgresMaxMs = NaN } = postgres.serviceTime.value;
const postgresMeanMs = (postgresMinMs + postgresMaxMs) / 2;
const redis = KIND_DEFAULTS.redisCache;
const redisServiceMs = redis.serviceTime.value.meanMs ?? NaN;
const { minMs: cdnMinMs = NaN, maxMs: cdnMaxMs = NaN } = KIND_DEFAULTS.cdn.serviceTime.value;

const number = (text: string) => Number(text.replace(/,/g, ''));

interface Quote {
  what: string;
  /** Each match's groups are the quoted numbers. */
  pattern: RegExp;
  expected: number[];
  /** Relative slack for figures the text rounds ("about 730"); ranges are quoted exactly. */
  tolerance: number;
}

const quotes: Quote[] = [
  { what: 'Postgres read time (range)', pattern: /Postgres[^.\n]*?(\d+)(?:-| to )(\d+) ms/g, expected: [postgresMinMs, postgresMaxMs], tolerance: 0 },
  { what: 'Postgres read time (range, after the figure)', pattern: /(\d+)-(\d+) ms (?:for Postgres|a query)/g, expected: [postgresMinMs, postgresMaxMs], tolerance: 0 },
  { what: 'Postgres mean query time', pattern: /([\d.]+) ms a query on average/g, expected: [postgresMeanMs], tolerance: 0 },
  { what: 'Postgres connection pool', pattern: /(?:pool of |\b)(\d+) connections/g, expected: [postgres.concurrency.value], tolerance: 0 },
  {
    what: 'database capacity (connections / mean query time)',
    pattern: /(?:answers|serves|a query,) about ([\d,]+) reads\/s/g,
    expected: [(postgres.concurrency.value * 1000) / postgresMeanMs],
    tolerance: 0.01,
  },
  { what: 'Redis read time', pattern: /Redis[^.\n]*?about (\d+(?:\.\d+)?) ms/g, expected: [redis.baseLatencyMs.value + redisServiceMs], tolerance: 0.05 },
  {
    what: 'Redis operations per second per node',
    pattern: /(?:Redis|node)[^.\n]*?([\d,]+) (?:simple )?(?:operations|ops)(?: per second|\/s)/g,
    expected: [(redis.concurrency.value * 1000) / redisServiceMs],
    tolerance: 0,
  },
  { what: 'CDN edge time', pattern: /CDN edge[^.\n]*?(\d+)(?:-| to )(\d+) ms/g, expected: [cdnMinMs, cdnMaxMs], tolerance: 0 },
];

describe("the caching lesson's component figures are the scenarios' defaults", () => {
  it.each(quotes.map((q) => [q.what, q] as const))('%s', (_, quote) => {
    const found = [...lesson.matchAll(quote.pattern)].map((m) => m.slice(1).map(number));
    expect(found.length, `the lesson should quote the ${quote.what}`).toBeGreaterThan(0);
    for (const figures of found) {
      figures.forEach((got, i) => {
        const want = quote.expected[i]!;
        expect(Math.abs(got - want), `${quote.what}: quoted ${got}, the scenarios use ${want}`).toBeLessThanOrEqual(quote.tolerance * want);
      });
    }
  });

  it("gives the hot-key widget the scenarios' Redis node capacity", () => {
    const blocks = [...lesson.matchAll(/```widget\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as { widget: string; controls: Record<string, number> });
    const hotKey = blocks.filter((b) => b.widget === 'hot-key');
    expect(hotKey.length).toBeGreaterThan(0);
    for (const b of hotKey) expect(b.controls.nodeCapacityOpsPerSecond).toBe((redis.concurrency.value * 1000) / redisServiceMs);
  });
});
