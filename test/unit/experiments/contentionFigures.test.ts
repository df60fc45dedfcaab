// A figure the contention lesson quotes for the database must be the figure its widgets and the scenarios use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATABASE } from '../../../src-main/experiments/scenarioComponents';

const lesson = readFileSync(fileURLToPath(new URL('../../../content/lessons/contention.md', import.meta.url)), 'utf8');

describe("the contention lesson's database figures", () => {
  it('quotes the statement time and the pool of the scenarios’ postgres', () => {
    expect(lesson).toContain(`${DATABASE.minMs}-${DATABASE.maxMs} ms`);
    expect(lesson).toContain(`pool of ${DATABASE.connections} connections`);
    expect(lesson).toContain(`${DATABASE.connections}-connection pool`);
  });

  it('quotes a statement’s mean round trip and service time, and one row’s ceiling, as the widgets compute them', () => {
    expect(lesson).toContain(`one statement of about ${Math.round(DATABASE.meanQueryMs)} ms`);
    expect(lesson).toContain(`${DATABASE.meanServiceMs} ms on average`);
    expect(lesson).toContain(`1 / ${DATABASE.meanServiceMs / 1000} ≈ ${Math.floor(1000 / DATABASE.meanServiceMs)} writes a second`);
    // FOR UPDATE: a locked read, 20 ms of work and an update.
    const holdMs = Math.round(2 * DATABASE.meanQueryMs + 20);
    expect(lesson).toContain(`about ${holdMs} ms, or ${Math.round(1000 / holdMs)} purchases per second`);
  });
});
