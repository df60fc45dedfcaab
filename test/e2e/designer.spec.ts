// The scenario designer, driven like a learner would: drag components from the palette,
// wire them handle to handle, set them up in the inspector, run, and read the grade.
// The reference design comes from the scenario file, so this follows the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import type { Locator, Page } from '@playwright/test';
import { test, expect, repoRoot } from './harness';
import { layeredLayout } from '../../src-renderer/scenarios/designer/layout';
import type { ScenarioRunResult } from '../../src-main/api/contract';

interface FileComponent {
  id: string;
  kind: string;
  instances?: number;
  options?: Record<string, number | string | boolean>;
}
interface FileWire {
  from: string;
  to: string;
  workloads: string[];
}
interface FilePolicy {
  timeoutMs?: number | null;
  retry?: 'none' | 'fixed' | 'exponential';
  maxAttempts?: number;
  fallback?: boolean;
}
interface ScenarioFile {
  id: string;
  workloads: { id: string }[];
  fixed: { id: string }[];
  hints: { id: string; title: string }[];
  reference: { components: FileComponent[]; wires: FileWire[]; policies?: Record<string, FilePolicy> };
}

const scenario = parse(readFileSync(join(repoRoot, 'scenarios/checkout-contention.yaml'), 'utf8')) as ScenarioFile;
const designUrl = (base: string) => `${base}/#/scenarios/${scenario.id}/design`;

const node = (page: Page, id: string) => page.locator(`.svelte-flow__node[data-id="${id}"]`);

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function dragWithMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function openDesigner(page: Page, base: string) {
  await page.goto(designUrl(base));
  // The first page a fresh server serves can be slow on a busy machine.
  await expect(page.getByTestId('designer')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(node(page, 'users')).toBeVisible();
}

/** Empties the canvas (the fixed components and the users stay); a no-op when it is empty already. */
async function clearCanvas(page: Page) {
  const clear = page.getByTestId('clear');
  if (await clear.isEnabled()) await clear.click();
  await expect(page.locator('.svelte-flow__node')).toHaveCount(1 + scenario.fixed.length);
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(0);
}

/** Waits for the live check to settle on the design now on screen. */
async function settled(page: Page) {
  await expect(page.getByTestId('run')).not.toHaveText(/Running/);
  await expect(page.getByTestId('problems')).not.toContainText('Checking');
}

test('builds the reference design from an empty canvas, runs it, passes every term and stores the attempt', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openDesigner(page, app.url);

  // Start from nothing: the fixed components and the users stay.
  await clearCanvas(page);

  // Drop each component where its layer (distance from the users) puts it.
  const ref = scenario.reference;
  const fixedIds = scenario.fixed.map((f) => f.id);
  const layers = layeredLayout(['users', ...ref.components.map((c) => c.id), ...fixedIds], ref.wires, { columnGap: 1, rowGap: 1 });
  const deepest = Math.max(...ref.components.map((c) => layers[c.id]!.x));
  const canvas = await page.locator('[data-drop-target="canvas"]').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const ids = new Map<string, string>([['users', 'users'], ...fixedIds.map((id) => [id, id] as [string, string])]);

  for (const [index, component] of ref.components.entries()) {
    const layer = layers[component.id]!.x;
    const x = canvas.x + 150 + ((layer - 1) / Math.max(1, deepest - 1)) * (canvas.width - 300);
    const y = canvas.y + 60 + index * 80;
    await dragWithMouse(page, await centre(page.getByTestId(`palette-${component.kind}`)), { x, y });
    const added = page.locator('.svelte-flow__node.selected');
    await expect(added).toHaveCount(1);
    const id = (await added.getAttribute('data-id'))!;
    expect(id).toBeTruthy();
    ids.set(component.id, id);

    // Set it up in the inspector, as the file says.
    await page.getByTestId('label').fill(component.id);
    await page.getByTestId('instances').fill(String(component.instances ?? 1));
    for (const [key, value] of Object.entries(component.options ?? {})) {
      const field = page.locator(`[data-option="${key}"]`);
      if (typeof value === 'boolean') await field.setChecked(value);
      else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(String(value));
      else await field.fill(String(value));
    }
  }
  await expect(page.locator('.svelte-flow__node')).toHaveCount(1 + fixedIds.length + ref.components.length);

  // Wire handle to handle, then tick exactly the workloads the file's wire carries.
  for (const wire of ref.wires) {
    const from = ids.get(wire.from)!;
    const to = ids.get(wire.to)!;
    const source = node(page, from).locator('.svelte-flow__handle.source');
    const target = node(page, to).locator('.svelte-flow__handle.target');
    await dragWithMouse(page, await centre(source), await centre(target));
    const edge = page.locator(`.svelte-flow__edge[data-id="${from}->${to}"]`);
    await expect(edge).toHaveCount(1);
    await expect(page.locator(`[data-wire-workload]`).first()).toBeVisible();
    for (const w of scenario.workloads) {
      await page.locator(`[data-wire-workload="${w.id}"]`).setChecked(wire.workloads.includes(w.id));
    }
  }
  await expect(page.locator('.svelte-flow__edge')).toHaveCount(ref.wires.length);

  // Policies: what the file says, the format's defaults for what it leaves out.
  await page.getByTestId('tab-workloads').click();
  for (const w of scenario.workloads) {
    const p = ref.policies?.[w.id] ?? {};
    const retry = p.retry ?? 'none';
    await page.locator(`[data-policy="${w.id}:timeoutMs"]`).fill(p.timeoutMs == null ? '' : String(p.timeoutMs));
    await page.locator(`[data-policy="${w.id}:retry"]`).selectOption(retry);
    await page.locator(`[data-policy="${w.id}:maxAttempts"]`).fill(String(p.maxAttempts ?? (retry === 'none' ? 1 : 3)));
    await page.locator(`[data-policy="${w.id}:fallback"]`).setChecked(p.fallback ?? false);
  }

  // The live check agrees: nothing blocks, the cost is within the budget, and the paths follow the wires.
  await settled(page);
  await expect(page.getByTestId('problems')).toHaveAttribute('data-errors', '0');
  const cost = Number(await page.getByTestId('cost').getAttribute('data-cost'));
  const budget = Number(await page.getByTestId('cost').getAttribute('data-budget'));
  expect(cost).toBeGreaterThan(0);
  expect(cost).toBeLessThanOrEqual(budget);
  await expect(page.getByTestId('path-checkout')).toContainText('in the background');
  await expect(page.getByTestId('saved')).toHaveText(/Saved \d\d:\d\d/);

  // Undo and redo round-trip the last change.
  await page.locator('.svelte-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');

  // Run, and land on the results with every term passed.
  const response = page.waitForResponse((r) => r.url().endsWith('/api/runScenario'));
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.getByTestId('run').click();
  const body = (await (await response).json()) as { ok: boolean; value: ScenarioRunResult };
  expect(body.ok).toBe(true);
  const run = body.value;
  await expect(page).toHaveURL(new RegExp(`#/scenarios/${scenario.id}/attempts/${run.attemptId}$`));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-pass', 'true');
  await expect(page.getByTestId('term')).toHaveCount(run.terms.length);
  for (const term of await page.getByTestId('term').all()) await expect(term).toHaveAttribute('data-pass', 'true');
  expect(run.terms.every((t) => t.pass)).toBe(true);

  // The attempt is in SQLite, with the design that was on the canvas.
  const db = new Database(app.dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT scenario_id, pass, terms_passed, terms_total, design FROM attempts WHERE id = ?').get(run.attemptId) as
      | { scenario_id: string; pass: number; terms_passed: number; terms_total: number; design: string }
      | undefined;
    expect(row).toBeDefined();
    expect(row!.scenario_id).toBe(scenario.id);
    expect(row!.pass).toBe(1);
    expect(row!.terms_passed).toBe(row!.terms_total);
    const stored = JSON.parse(row!.design) as { components: { id: string; kind: string; instances: number }[]; wires: FileWire[] };
    expect(stored.components.map((c) => c.kind).sort()).toEqual(ref.components.map((c) => c.kind).sort());
    expect(stored.wires).toHaveLength(ref.wires.length);
  } finally {
    db.close();
  }
});

test('the starting design fails its run and the results name the hints that fired', async ({ page, app }) => {
  test.setTimeout(90_000);
  await openDesigner(page, app.url);

  // Whatever an earlier test left, go back to the starting design (a confirmed, undoable step).
  await page.getByTestId('reset').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('notice')).toContainText('starting design');
  await settled(page);

  const response = page.waitForResponse((r) => r.url().endsWith('/api/runScenario'));
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.getByTestId('run').click();
  const body = (await (await response).json()) as { ok: boolean; value: ScenarioRunResult };
  const run = body.value;
  expect(run.pass).toBe(false);
  expect(run.hints.length).toBeGreaterThan(0);
  // Each hint that fired is one the scenario file defines, or one every scenario gives about what users got.
  const outcomeHint = /^(fallback-not-an-answer|fallback-too-often|background-late|held-by-calls)-|^duplicates$/;
  for (const hint of run.hints) expect(scenario.hints.some((h) => h.id === hint.id) || outcomeHint.test(hint.id), hint.id).toBe(true);
  expect(run.hints.some((h) => scenario.hints.some((s) => s.id === h.id)), 'a hint from the scenario file fired').toBe(true);

  await expect(page).toHaveURL(new RegExp(`/attempts/${run.attemptId}$`));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-pass', 'false');
  await expect(page.getByTestId('hint').first()).toBeVisible();
  for (const hint of run.hints) await expect(page.getByTestId('hint').filter({ hasText: hint.title })).toHaveCount(1);
});

test('keyboard and toolbar: add by keyboard, delete, undo, redo, import refusal shown verbatim, auto-layout', async ({ page, app }) => {
  await openDesigner(page, app.url);
  await clearCanvas(page);

  // Add from the palette with the keyboard; the new component is selected.
  const first = scenario.reference.components[0]!;
  await page.getByTestId(`palette-${first.kind}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.svelte-flow__node')).toHaveCount(2 + scenario.fixed.length);
  const id = (await page.locator('.svelte-flow__node.selected').getAttribute('data-id'))!;

  // The users and fixed components cannot be deleted; a component can, and comes back with undo.
  await node(page, 'users').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'users')).toBeVisible();
  await node(page, id).click();
  await page.keyboard.press('Delete');
  await expect(node(page, id)).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(node(page, id)).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(node(page, id)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, id)).toHaveCount(1);

  // A file offering a component the scenario does not offer is refused, with the backend's words.
  const text = JSON.stringify({
    format: 'backpressure-design',
    version: 1,
    scenarioId: scenario.id,
    components: [{ id: 'feed', kind: 'websocketGateway', x: 0, y: 0 }],
    wires: [],
  });
  const refusal = page.waitForResponse((r) => r.url().endsWith('/api/importDesign'));
  await page.getByTestId('import-file').setInputFiles({ name: 'bad-design.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const answer = (await (await refusal).json()) as { ok: boolean; error: { message: string } };
  expect(answer.ok).toBe(false);
  await expect(page.getByTestId('notice')).toContainText('bad-design.json was not imported');
  await expect(page.getByTestId('notice-message')).toHaveText(answer.error.message);
  await expect(node(page, id)).toHaveCount(1);

  // Auto-layout puts the users left of everything.
  await page.getByTestId('auto-layout').click();
  await expect(async () => {
    const users = (await node(page, 'users').boundingBox())!;
    const other = (await node(page, id).boundingBox())!;
    expect(users.x).toBeLessThanOrEqual(other.x);
  }).toPass();

  // Export downloads <scenario>-design.json.
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  expect((await download).suggestedFilename()).toBe(`${scenario.id}-design.json`);
});
