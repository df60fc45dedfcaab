// Scenarios through the API on a real backend: the catalogue, drafts, runs stored as attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { tempBackend } from '../helpers/tempBackend';
import type { AttemptSummary, Design, DesignCheck, ScenarioDocument, ScenarioList, ScenarioRunResult } from '../../../src-main/api/contract';

const fixtures = resolve(import.meta.dirname, '../../fixtures/scenarios');
let backend: ReturnType<typeof tempBackend>;
let folder: string;

beforeAll(() => {
  backend = tempBackend();
  // A scenarios folder of our own: the tiny fixture plus a broken file.
  folder = join(backend.dir, 'scenarios');
  mkdirSync(folder);
  copyFileSync(join(fixtures, 'tiny-shop.yaml'), join(folder, 'tiny-shop.yaml'));
  copyFileSync(join(fixtures, 'broken-contract.yaml'), join(folder, 'broken-contract.yaml'));
  backend.context.scenariosFolder = folder;
});
afterAll(() => backend.dispose());

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown) {
  const result = await backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

describe('scenarios through the API', () => {
  it('lists the scenarios that load and names the file and field of the one that does not', async () => {
    const list = await value<ScenarioList>('listScenarios', {});
    expect(list.scenarios.map((s) => s.id)).toEqual(['tiny-shop']);
    expect(list.scenarios[0]).toMatchObject({ attempts: 0, best: null, passed: false, contract: { uptimePct: 99, p95Ms: 200, budgetPerMonth: 400 } });
    expect(list.problems).toEqual([{ file: 'broken-contract.yaml', field: 'contract.p95Ms', message: 'broken-contract.yaml: contract.p95Ms: expected milliseconds, got nothing' }]);
    const broken = await failure('getScenario', { id: 'broken-contract' });
    expect(broken.code).toBe('bad_content');
  });

  it('briefs a scenario with its palette, prices and traffic curve, but not the hints', async () => {
    const doc = await value<ScenarioDocument>('getScenario', { id: 'tiny-shop' });
    expect(doc.palette.map((p) => [p.kind, p.costPerInstancePerMonth])).toEqual([['loadBalancer', 20], ['server', 70], ['postgres', 180], ['queue', 20]]);
    expect(doc.traffic.curve).toHaveLength(200);
    expect(Math.max(...doc.traffic.curve.map((p) => p.users))).toBeCloseTo(400, 0);
    expect(JSON.stringify(doc)).not.toContain('peakUtilisation');
  });

  it('offers the starting design until a draft is saved, then the draft', async () => {
    const first = await value<{ design: Design; savedAt: string | null }>('getDraft', { scenarioId: 'tiny-shop' });
    expect(first.savedAt).toBeNull();
    expect(first.design.components.map((c) => c.id)).toEqual(['web', 'db']);
    const edited = structuredClone(first.design);
    edited.components[0]!.instances = 2;
    await value('saveDraft', { scenarioId: 'tiny-shop', design: edited });
    const second = await value<{ design: Design; savedAt: string | null }>('getDraft', { scenarioId: 'tiny-shop' });
    expect(second.savedAt).not.toBeNull();
    expect(second.design.components[0]!.instances).toBe(2);
  });

  it('falls back to the starting design when a saved draft is unreadable, and keeps the row', async () => {
    const db = new Database(backend.context.databaseFile);
    db.prepare("UPDATE scenario_drafts SET design = '{\"format\": 1' WHERE scenario_id = 'tiny-shop'").run();
    db.close();
    const draft = await value<{ design: Design; savedAt: string | null }>('getDraft', { scenarioId: 'tiny-shop' });
    expect(draft.savedAt).toBeNull();
    expect(draft.design.components[0]!.instances).toBe(1);
    const check = new Database(backend.context.databaseFile, { readonly: true });
    expect(check.prepare('SELECT design FROM scenario_drafts').get()).toEqual({ design: '{"format": 1' });
    check.close();
  });

  it('refuses to save a design with a component the scenario does not offer', async () => {
    const { design } = await value<{ design: Design }>('getTemplate', { scenarioId: 'tiny-shop', which: 'starting' });
    design.components.push({ id: 'cache', kind: 'redisCache', x: 0, y: 0, instances: 1, options: {} });
    const error = await failure('saveDraft', { scenarioId: 'tiny-shop', design });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/does not offer cache \(Redis cache\)/);
  });

  it('checks a design live: paths, cost and what stops it from running', async () => {
    const { design } = await value<{ design: Design }>('getTemplate', { scenarioId: 'tiny-shop', which: 'starting' });
    design.wires = design.wires.filter((w) => w.to !== 'db');
    const check = await value<DesignCheck>('checkDesign', { scenarioId: 'tiny-shop', design });
    expect(check.runnable).toBe(false);
    expect(check.costPerMonth).toBe(250);
    expect(check.problems.map((p) => p.message)).toContain('View: nothing on its path can "read" after "render"; it needs a Postgres on the path');
    const run = await failure('runScenario', { scenarioId: 'tiny-shop', design });
    expect(run.code).toBe('invalid_input');
    // Built and refused on the worker, with the same problems the live check shows.
    expect(run.issues).toContainEqual({ path: 'design', message: 'View: nothing on its path can "read" after "render"; it needs a Postgres on the path' });
  });

  it('stores every run as an attempt with its verdict, and keeps the best one', async () => {
    const starting = (await value<{ design: Design }>('getTemplate', { scenarioId: 'tiny-shop', which: 'starting' })).design;
    const reference = (await value<{ design: Design }>('getTemplate', { scenarioId: 'tiny-shop', which: 'reference' })).design;
    const failed = await value<ScenarioRunResult>('runScenario', { scenarioId: 'tiny-shop', design: starting, seed: 3 });
    expect(failed.pass).toBe(false);
    expect(failed.hints.map((h) => h.id)).toEqual(['too-few-servers']);
    // The remedy (four servers) fixes latency but breaks the budget, and says so.
    expect(failed.hints[0]!.remedy).toMatchObject({ pass: false, changes: ['App server: 4 instances'] });
    expect(failed.hints[0]!.remedy!.terms.find((t) => t.term === 'monthly cost')).toMatchObject({ pass: false, measured: 460 });
    const passed = await value<ScenarioRunResult>('runScenario', { scenarioId: 'tiny-shop', design: reference, seed: 3 });
    expect(passed.pass).toBe(true);
    expect(passed.attemptId).toBeGreaterThan(failed.attemptId);

    const { attempts } = await value<{ attempts: AttemptSummary[] }>('listAttempts', { scenarioId: 'tiny-shop' });
    expect(attempts.map((a) => [a.pass, a.fromReference])).toEqual([[true, true], [false, false]]);
    // Only the loaded reference passed: that is not the learner passing, and their own attempt stays the one shown.
    const list = await value<ScenarioList>('listScenarios', {});
    expect(list.scenarios[0]).toMatchObject({ attempts: 2, passed: false, referencePassed: true, best: { id: failed.attemptId, fromReference: false } });

    const stored = await value<{ run: ScenarioRunResult; design: Design }>('getAttempt', { id: failed.attemptId });
    expect(stored.run.terms).toEqual(failed.terms);
    expect(stored.design).toEqual(starting);

    const db = new Database(backend.context.databaseFile, { readonly: true });
    const rows = db.prepare('SELECT scenario_id, seed, pass FROM attempts ORDER BY id').all();
    db.close();
    expect(rows).toEqual([{ scenario_id: 'tiny-shop', seed: 3, pass: 0 }, { scenario_id: 'tiny-shop', seed: 3, pass: 1 }]);
  });

  it('answers an unknown scenario, drill or attempt with a clear error', async () => {
    expect((await failure('getScenario', { id: 'nope' })).code).toBe('not_found');
    expect((await failure('getAttempt', { id: 999 })).code).toBe('not_found');
    const { design } = await value<{ design: Design }>('getTemplate', { scenarioId: 'tiny-shop', which: 'reference' });
    const drill = await failure('runScenario', { scenarioId: 'tiny-shop', design, drill: 'no-such-drill' });
    expect(drill).toMatchObject({ code: 'invalid_input', message: 'drill: expected one of: (none)' });
  });
});
