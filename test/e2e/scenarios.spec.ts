// Scenarios as a learner meets them: the list grouped by category with each contract,
// a briefing (contract, traffic chart, prices, lessons), a broken scenario file named
// with its field, the scenario shell's tabs, and the lesson that points to a scenario.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startAppServer, stopAppServer, repoRoot } from './harness';
import { expectFigure } from './figures';
import type { Design, ScenarioDocument, ScenarioList } from '../../src-main/api/contract';
import { ownCopy } from './runs';

const nbsp = '\u00a0';
const difficulty = { intro: 'Intro', medium: 'Medium', hard: 'Hard' } as const;

async function api<T>(page: Page, url: string, method: string, input: object = {}): Promise<T> {
  const response = await page.request.post(`${url}/api/${method}`, { data: input });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, body.error?.message).toBe(true);
  return body.value;
}

/** The same figures the views show, with the same non-breaking spaces. */
const money = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const uptime = (pct: number) => `${pct.toLocaleString('en-US', { maximumFractionDigits: 3 })}${nbsp}%`;
const ms = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: n >= 100 ? 0 : 1 })}${nbsp}ms`;

test('the list shows every scenario grouped by category, with its contract and the learner\'s best result', async ({ page, app }) => {
  const list = await api<ScenarioList>(page, app.url, 'listScenarios');
  expect(list.problems, 'the shipped scenario files all load').toEqual([]);
  expect(list.scenarios).toHaveLength(5);

  await page.goto(`${app.url}/#/scenarios`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenarios');
  await expect(page).toHaveTitle('Scenarios — Backpressure');

  const categories = [...new Set(list.scenarios.map((s) => s.category.toLowerCase()))];
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(categories.length);

  for (const scenario of list.scenarios) {
    const group = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2 }) }).filter({ hasText: scenario.title });
    await expect(group).toHaveCount(1);
    await expect(group.getByRole('heading', { level: 2 })).toHaveText(new RegExp(scenario.category.split(/[-_ ]/)[0]!, 'i'));

    const card = page.getByRole('link', { name: new RegExp(scenario.title) });
    await expect(card).toHaveAttribute('href', `#/scenarios/${scenario.id}`);
    await expect(card).toContainText(scenario.summary);
    await expect(card).toContainText(`Difficulty: ${difficulty[scenario.difficulty]}`);
    const contract = card.getByRole('list', { name: 'Contract' });
    await expect(contract).toContainText(uptime(scenario.contract.uptimePct));
    await expect(contract).toContainText(ms(scenario.contract.p95Ms));
    await expect(contract).toContainText(`${money(scenario.contract.budgetPerMonth)}/month`);
    for (const term of scenario.contract.extra) await expect(contract).toContainText(term.label);
    // The worker's database is shared with other specs, which may have run this scenario.
    if (scenario.attempts === 0) {
      await expect(card).toContainText('Not tried yet');
    } else {
      await expect(card).toContainText(scenario.passed ? 'Passed' : scenario.referencePassed ? 'Only the reference passed' : 'Not passed yet');
      await expect(card).toContainText(`${scenario.attempts} ${scenario.attempts === 1 ? 'attempt' : 'attempts'}`);
      await expectFigure(card, scenario.best!.uptimePct, '%');
    }
  }

  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Scenarios/ })).toHaveAttribute('aria-current', 'page');
});

test('a briefing shows the contract, the traffic chart, palette prices, lessons, and opens the designer', async ({ page, app }) => {
  const list = await api<ScenarioList>(page, app.url, 'listScenarios');
  // The scenario with the most to show: lessons, drills and extra terms when there are any.
  const first = list.scenarios[0]!;
  const doc = await api<ScenarioDocument>(page, app.url, 'getScenario', { id: first.id });

  await page.goto(`${app.url}/#/scenarios`);
  await page.getByRole('link', { name: new RegExp(doc.title) }).click();
  await expect(page).toHaveURL(new RegExp(`#/scenarios/${doc.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(doc.title);
  await expect(page).toHaveTitle(`Briefing — ${doc.title} — Backpressure`);

  // The sidebar keeps Scenarios highlighted as the section the briefing lives in.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: /Scenarios/ })).toHaveAttribute('aria-current', 'location');

  const tabs = page.getByRole('navigation', { name: 'Scenario' });
  await expect(tabs.getByRole('link')).toHaveText(['Briefing', 'Design', 'Attempts']);
  await expect(tabs.getByRole('link', { name: 'Briefing' })).toHaveAttribute('aria-current', 'page');

  const contract = page.getByRole('region', { name: 'The contract' });
  await expect(contract).toContainText(uptime(doc.contract.uptimePct));
  await expect(contract).toContainText(ms(doc.contract.p95Ms));
  await expect(contract).toContainText(`${money(doc.contract.budgetPerMonth)}/month`);
  await expect(contract).toContainText('may fail over the run');
  for (const term of doc.contract.extra) await expect(contract).toContainText(term.label);

  const traffic = page.getByRole('region', { name: 'The traffic' });
  const chart = traffic.getByRole('img', { name: /Active users over/ });
  await expect(chart).toBeVisible();
  const d = await chart.locator('path.line').getAttribute('d');
  expect(d?.length ?? 0).toBeGreaterThan(100);
  await expect(chart).toContainText(`Baseline ${doc.traffic.baselineUsers.toLocaleString('en-US')} users`);
  await expect(chart).toContainText(/Peak [\d,]+ users/);
  // Hovering the chart reads out the users at that moment.
  await chart.hover();
  await expect(traffic.locator('.readout')).toContainText(/[\d,]+\s+users/);
  await expect(traffic.locator('.readout')).toContainText('requests/s');

  const workloads = page.getByRole('region', { name: 'Workloads' });
  for (const workload of doc.workloads) await expect(workloads).toContainText(workload.label);
  if (doc.workloads.some((w) => w.steps.some((s) => s.mustFinishFirst))) await expect(workloads).toContainText('Must finish before answering');

  const palette = page.getByRole('list', { name: 'Components you can place' });
  await expect(palette.getByRole('listitem')).toHaveCount(doc.palette.length);
  for (const entry of doc.palette) {
    const item = palette.getByRole('listitem').filter({ has: page.getByRole('heading', { name: entry.label, exact: true }) });
    await expect(item).toContainText(`${money(entry.costPerInstancePerMonth)}/month`);
    await expect(item).toContainText(entry.purpose);
  }
  for (const fixed of doc.fixed) await expect(page.getByRole('list', { name: 'Fixed components' })).toContainText(fixed.label);

  const lessons = page.getByRole('region', { name: 'Lessons' });
  for (const lesson of doc.lessons) {
    // A lesson not yet written is named in words ("Long running tasks"), not by its id.
    if (lesson.title === null) await expect(lessons).toContainText(`${lesson.id.replace(/-/g, ' ')} · not written yet`, { ignoreCase: true });
    else await expect(lessons.getByRole('link', { name: lesson.title })).toHaveAttribute('href', `#/lesson/${lesson.id}`);
  }
  for (const question of doc.interviewQuestions) await expect(page.getByRole('region', { name: 'Questions to be ready for' })).toContainText(question);
  for (const drill of doc.drills) await expect(page.getByRole('region', { name: 'Failure drills' })).toContainText(drill.title);

  await page.getByRole('link', { name: 'Open the designer' }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/scenarios/${doc.id}/design$`));
  await expect(tabs.getByRole('link', { name: 'Design' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: /Scenarios/ })).toHaveAttribute('aria-current', 'location');
  // The designer gets the main column's full width, edge to edge.
  const shell = page.locator('.shell.full-bleed');
  await expect(shell).toBeVisible();
  const main = (await page.locator('main').boundingBox())!;
  const shellBox = (await shell.boundingBox())!;
  expect(Math.abs(shellBox.x - main.x)).toBeLessThan(2);
  expect(Math.abs(shellBox.width - main.width)).toBeLessThan(2);

  await tabs.getByRole('link', { name: 'Attempts' }).click();
  await expect(page).toHaveURL(new RegExp(`#/scenarios/${doc.id}/attempts$`));
  await expect(tabs.getByRole('link', { name: 'Attempts' })).toHaveAttribute('aria-current', 'page');
});

test('an unknown scenario shows a not-found state with the way back', async ({ page, app }) => {
  await page.goto(`${app.url}/#/scenarios/no-such-scenario`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenario not found');
  await expect(page.getByText('no-such-scenario')).toBeVisible();
  await page.getByRole('link', { name: 'All scenarios' }).click();
  await expect(page).toHaveURL(/#\/scenarios$/);
});

test('a broken scenario file is listed as a problem naming the file and the field', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'bp-scenarios-'));
  const shipped = readdirSync(join(repoRoot, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  for (const file of shipped) copyFileSync(join(repoRoot, 'scenarios', file), join(folder, file));
  const source = readFileSync(join(folder, shipped[0]!), 'utf8');
  const broken = source.replace(/^id: .*$/m, 'id: broken-budget').replace(/budgetPerMonth: .*$/m, 'budgetPerMonth: lots');
  writeFileSync(join(folder, 'broken-budget.yaml'), broken);
  const server = await startAppServer({ scenarios: folder });
  try {
    await page.goto(`${server.url}/#/scenarios`);
    const problems = page.getByRole('region', { name: 'One scenario file could not be loaded' });
    await expect(problems).toContainText('broken-budget.yaml');
    await expect(problems).toContainText('budgetPerMonth');
    // The good files still load around it (this server's database is new: nothing tried yet).
    await expect(page.getByRole('link', { name: /Not tried yet/ })).toHaveCount(shipped.length);
  } finally {
    stopAppServer(server);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the caching lesson ends with a link to its scenario briefing', async ({ page }) => {
  const server = await startAppServer({ lessons: join(repoRoot, 'content/lessons') });
  try {
    const lesson = await api<{ relatedScenarios: string[] }>(page, server.url, 'getLesson', { id: 'caching' });
    const list = await api<ScenarioList>(page, server.url, 'listScenarios');
    const related = list.scenarios.filter((s) => lesson.relatedScenarios.includes(s.id));
    expect(related.length, 'the caching lesson names at least one scenario that exists').toBeGreaterThan(0);

    await page.goto(`${server.url}/#/lesson/caching`);
    const section = page.getByRole('region', { name: 'Try it in a scenario' });
    await expect(section.getByRole('link')).toHaveCount(related.length);
    const link = section.getByRole('link', { name: new RegExp(related[0]!.title) });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/scenarios/${related[0]!.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(related[0]!.title);
  } finally {
    stopAppServer(server);
  }
});

test('after a passing run the list shows it passed, with the attempt count and best figures', async ({ page }) => {
  const server = await startAppServer();
  try {
    const id = 'checkout-contention';
    const { design } = await api<{ design: Design }>(page, server.url, 'getTemplate', { scenarioId: id, which: 'reference' });
    const run = await api<{ pass: boolean }>(page, server.url, 'runScenario', { scenarioId: id, design: ownCopy(design) });
    const list = await api<ScenarioList>(page, server.url, 'listScenarios');
    const entry = list.scenarios.find((s) => s.id === id)!;
    expect(entry.attempts).toBe(1);

    await page.goto(`${server.url}/#/scenarios`);
    const card = page.getByRole('link', { name: new RegExp(entry.title) });
    await expect(card).toContainText(run.pass ? 'Passed' : 'Not passed yet');
    await expect(card).toContainText('1 attempt');
    const best = card.getByRole('definition');
    await expect(best).toHaveText([uptime(entry.best!.uptimePct), ms(entry.best!.p95Ms), `${money(entry.best!.costPerMonth)}/month`]);
    await expect(page.getByRole('paragraph').filter({ hasText: 'design challenges' })).toContainText(run.pass ? '1 passed' : 'none passed yet');
  } finally {
    stopAppServer(server);
  }
});
