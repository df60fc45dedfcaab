// The designer as a learner meets it at 1280×800: every shipped design reads at the
// default fit, new wires carry only what the learner ticks, new components land in
// free space, the side panel needs no scrolling inside a scrolling panel, and a
// session leaves the console quiet.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, repoRoot } from './harness';

const shipped = readdirSync(join(repoRoot, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

const node = (page: Page, id: string) => page.locator(`.svelte-flow__node[data-id="${id}"]`);

async function openDesigner(page: Page, base: string, scenarioId: string) {
  await page.goto(`${base}/#/scenarios/${scenarioId}/design`);
  // The first page a fresh server serves can be slow on a busy machine.
  await expect(page.getByTestId('designer')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(node(page, 'users')).toBeVisible();
}

/** Loads the starting or the reference design through the toolbar, as a learner does. */
async function loadTemplate(page: Page, which: 'starting' | 'reference') {
  await page.getByTestId(which === 'reference' ? 'reference' : 'reset').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('notice')).toBeVisible();
}

/** The canvas's zoom once the fit has finished moving. */
async function settledZoom(page: Page): Promise<number> {
  const zoom = () => page.locator('.svelte-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  let last = -1;
  await expect(async () => {
    const before = await zoom();
    await page.waitForTimeout(150);
    last = await zoom();
    expect(last).toBe(before);
  }).toPass();
  return last;
}

interface Reading {
  text: string;
  px: number;
  cut: boolean;
}

/** Every piece of node text: its size on screen (font size × canvas zoom) and whether it is cut. */
async function nodeText(page: Page, zoom: number): Promise<Reading[]> {
  return page.locator('.svelte-flow__node .node :is(.label, .caption, .instances, .lock)').evaluateAll(
    (els, z) =>
      els.map((el) => ({
        text: el.textContent?.trim() ?? '',
        px: parseFloat(getComputedStyle(el).fontSize) * z,
        cut: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1,
      })),
    zoom,
  );
}

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return box;
}

const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

/** The gap a learner can click on each wire: from its source handle to its target handle, in screen pixels. */
async function wireSpans(page: Page): Promise<{ id: string; span: number }[]> {
  return page.locator('.svelte-flow__edge').evaluateAll((edges) =>
    edges.map((edge) => {
      const id = edge.getAttribute('data-id') ?? '';
      const [from, to] = id.split('->');
      const handle = (nodeId: string | undefined, kind: string) =>
        document.querySelector(`.svelte-flow__node[data-id="${nodeId}"] .svelte-flow__handle.${kind}`)!.getBoundingClientRect();
      const a = handle(from, 'source');
      const b = handle(to, 'target');
      return { id, span: Math.hypot(b.x - a.x, b.y - a.y) };
    }),
  );
}

for (const scenarioId of shipped) {
  test(`${scenarioId}: the starting and reference designs read at 12 px or more, uncut and in view, at the default fit`, async ({ page, app }) => {
    test.setTimeout(60_000);
    await openDesigner(page, app.url, scenarioId);
    for (const which of ['starting', 'reference'] as const) {
      await loadTemplate(page, which);
      const zoom = await settledZoom(page);
      const readings = await nodeText(page, zoom);
      expect(readings.length).toBeGreaterThan(0);
      for (const r of readings) {
        expect(r.px, `${which}: "${r.text}" renders at ${r.px.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
        expect(r.cut, `${which}: "${r.text}" is cut off`).toBe(false);
      }
      // Nodes are titled with learner-facing names, never ids like "lb" or "db".
      const titles = await page.locator('.svelte-flow__node .label').allTextContents();
      for (const title of titles) expect(title, `${which}: a node titled with an id`).toMatch(/^[A-Z]/);

      const canvas = await boxOf(page, '[data-drop-target="canvas"]');
      for (const n of await page.locator('.svelte-flow__node').all()) {
        const box = (await n.boundingBox())!;
        expect(within(box, canvas), `${which}: node ${await n.getAttribute('data-id')} is outside the canvas`).toBe(true);
      }
      for (const { id, span } of await wireSpans(page)) expect(span, `${which}: wire ${id} is ${span.toFixed(0)} px long`).toBeGreaterThanOrEqual(40);
      // Auto-layout keeps all of that true.
      await page.getByTestId('auto-layout').click();
      const laidZoom = await settledZoom(page);
      for (const r of await nodeText(page, laidZoom)) expect(r.px, `auto-layout: "${r.text}"`).toBeGreaterThanOrEqual(12);
      for (const { id, span } of await wireSpans(page)) expect(span, `auto-layout: wire ${id}`).toBeGreaterThanOrEqual(40);
    }
  });
}

/** The workloads the inspector shows ticked on the selected wire. */
async function tickedOnWire(page: Page): Promise<string[]> {
  await expect(page.locator('[data-wire-workload]').first()).toBeVisible();
  return page.locator('[data-wire-workload]').evaluateAll((els) =>
    els.filter((el) => (el as HTMLInputElement).checked).map((el) => el.getAttribute('data-wire-workload') ?? ''),
  );
}

async function addFromPalette(page: Page, kind: string): Promise<string> {
  const before = new Set(await page.locator('.svelte-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))));
  await page.getByTestId(`palette-${kind}`).click();
  const added = page.locator('.svelte-flow__node.selected');
  await expect(added).toHaveCount(1);
  const id = (await added.getAttribute('data-id'))!;
  expect(before.has(id)).toBe(false);
  return id;
}

test('"Connect to…" and a dragged wire both start carrying nothing, and leave the other wires as they were', async ({ page, app }) => {
  await openDesigner(page, app.url, 'checkout-contention');
  await loadTemplate(page, 'starting');
  const queue = await addFromPalette(page, 'queue');
  const workers = await addFromPalette(page, 'workerPool');

  // db already carries all three workloads in; "Connect to…" a queue must not send any of them on.
  await node(page, 'db').click();
  await page.getByTestId('connect-to').selectOption(queue);
  await expect(page.locator(`.svelte-flow__edge[data-id="db->${queue}"]`)).toHaveCount(1);
  expect(await tickedOnWire(page)).toEqual([]);
  await expect(page.getByTestId('wire-empty')).toBeVisible();

  // A wire dragged handle to handle behaves the same.
  await settledZoom(page);
  const source = (await node(page, queue).locator('.svelte-flow__handle.source').boundingBox())!;
  const target = (await node(page, workers).locator('.svelte-flow__handle.target').boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + 12, source.y + 6, { steps: 2 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator(`.svelte-flow__edge[data-id="${queue}->${workers}"]`)).toHaveCount(1);
  expect(await tickedOnWire(page)).toEqual([]);

  // The learner's choice is what the wire carries; the wire into db still carries what it did.
  await page.locator('[data-wire-workload="checkout"]').check();
  expect(await tickedOnWire(page)).toEqual(['checkout']);
  await node(page, 'db').click();
  await page.getByRole('button', { name: /from App server/ }).click();
  await expect(page.locator('.svelte-flow__edge[data-id="app->db"]')).toHaveClass(/selected/);
  expect(await tickedOnWire(page)).toEqual(['browse', 'login', 'checkout']);
});

test('components added by click or drop land clear of every node and wire', async ({ page, app }) => {
  await openDesigner(page, app.url, 'checkout-contention');
  await loadTemplate(page, 'reference');
  await settledZoom(page);

  const overlapsSomething = (id: string) =>
    page.evaluate((newId) => {
      const mine = document.querySelector(`.svelte-flow__node[data-id="${newId}"]`)!.getBoundingClientRect();
      const hit = (x: number, y: number) => x > mine.left && x < mine.right && y > mine.top && y < mine.bottom;
      const nodes = [...document.querySelectorAll('.svelte-flow__node')].filter((n) => n.getAttribute('data-id') !== newId);
      const onNode = nodes.some((n) => {
        const r = n.getBoundingClientRect();
        return r.left < mine.right && mine.left < r.right && r.top < mine.bottom && mine.top < r.bottom;
      });
      const onWire = [...document.querySelectorAll<SVGPathElement>('.svelte-flow__edge-path')].some((path) => {
        const matrix = path.getScreenCTM()!;
        const length = path.getTotalLength();
        for (let i = 0; i <= 60; i++) {
          const p = path.getPointAtLength((length * i) / 60).matrixTransform(matrix);
          if (hit(p.x, p.y)) return true;
        }
        return false;
      });
      return { onNode, onWire };
    }, id);

  for (const kind of ['queue', 'redisCache', 'server']) {
    const id = await addFromPalette(page, kind);
    expect(await overlapsSomething(id), `${kind} added by click`).toEqual({ onNode: false, onWire: false });
  }

  // Dropped right on top of the load balancer, it moves to the nearest free spot.
  const onto = (await node(page, 'lb').boundingBox())!;
  const from = (await page.getByTestId('palette-auth').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 2 });
  await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 10 });
  await page.mouse.up();
  const dropped = page.locator('.svelte-flow__node.selected');
  await expect(dropped).toHaveCount(1);
  expect(await overlapsSomething((await dropped.getAttribute('data-id'))!), 'dropped on a node').toEqual({ onNode: false, onWire: false });
});

test('at 1280×800 the side panel scrolls as one: run bar and its warning in view, inspector reachable, problems counted', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDesigner(page, app.url, 'checkout-contention');
  await loadTemplate(page, 'starting');

  // A design with problems: a component wired to nothing.
  await addFromPalette(page, 'redisCache');
  await expect(page.getByTestId('problems')).not.toContainText('Checking');
  const count = page.getByTestId('problem-count');
  await expect(count).toBeVisible();
  await expect(count).toHaveText(/\(\d+\)/);

  // The run bar and what it says about running sit in the window, whatever is selected.
  await node(page, 'app').click();
  await expect(page.getByTestId('inspector')).toContainText('Settings');
  const runBar = page.getByTestId('run');
  await expect(runBar).toBeInViewport();
  const status = page.locator('.run-dock .status');
  await expect(status).toBeInViewport();

  // Nothing in the side column scrolls inside another scroller: one column scroll,
  // and the problems list in its own space.
  const nested = await page.locator('aside.right').evaluate((aside) => {
    const scrollers = [...aside.querySelectorAll<HTMLElement>('*')].filter((el) => {
      const style = getComputedStyle(el);
      return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    });
    return scrollers.map((el) => el.dataset.testid ?? el.tagName.toLowerCase());
  });
  expect(nested.filter((name) => name !== 'side-scroll' && name !== 'ul')).toEqual([]);

  // The inspector's wires, settings and Delete are all reached by that one scroll.
  for (const target of [page.getByTestId('connect-to'), page.getByRole('button', { name: 'Delete component' }), page.getByTestId('instances')]) {
    await target.scrollIntoViewIfNeeded();
    await expect(target).toBeInViewport();
    await expect(runBar).toBeInViewport();
  }

  // The workload policies too.
  await page.getByTestId('tab-workloads').click();
  const lastPolicy = page.locator('[data-policy$=":fallback"]').last();
  await lastPolicy.scrollIntoViewIfNeeded();
  await expect(lastPolicy).toBeInViewport();
  await expect(runBar).toBeInViewport();
});

test('a designer session logs no console warnings or errors', async ({ page, app }) => {
  const logged: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') logged.push(`${msg.type()}: ${msg.text()}`);
  });
  await openDesigner(page, app.url, 'checkout-contention');
  await loadTemplate(page, 'starting');

  // Keys a learner presses: on the canvas, in the inspector, and the designer's shortcuts.
  await node(page, 'app').click();
  for (const key of ['ArrowRight', 'Shift', 'Control', 'a', 'Escape', 'Delete', 'Backspace', 'Tab']) await page.keyboard.press(key);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');
  await node(page, 'lb').click();
  await page.getByTestId('label').fill('Front door');
  await page.keyboard.press('Control+a');
  const id = await addFromPalette(page, 'queue');
  await node(page, id).click();
  await page.keyboard.press('Delete');
  await expect(node(page, id)).toHaveCount(0);
  await page.getByTestId('auto-layout').click();
  await page.getByTestId('tab-workloads').click();
  await page.keyboard.press('Escape');
  await settledZoom(page);

  expect(logged).toEqual([]);
});
