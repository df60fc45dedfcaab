// Graded runs made over browser mode's real API, for tests that need an attempt to look at.
import type { APIRequestContext } from '@playwright/test';
import type { Design, ScenarioRunResult } from '../../src-main/api/contract';

export async function api<T>(request: APIRequestContext, url: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(`${url}/api/${method}`, { data: input, headers: { 'Content-Type': 'application/json' }, timeout: 60_000 });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.message ?? response.status()}`);
  return body.value as T;
}

export async function template(request: APIRequestContext, url: string, scenarioId: string, which: 'starting' | 'reference'): Promise<Design> {
  return (await api<{ design: Design }>(request, url, 'getTemplate', { scenarioId, which })).design;
}

/** Grades a scenario's starting or reference design (with a drill, if given). */
export async function run(request: APIRequestContext, url: string, scenarioId: string, which: 'starting' | 'reference', drill?: string): Promise<ScenarioRunResult> {
  const design = await template(request, url, scenarioId, which);
  return api<ScenarioRunResult>(request, url, 'runScenario', { scenarioId, design, ...(drill ? { drill } : {}) });
}

/**
 * The reference rebuilt by hand, as a learner who copied it would: the same components and wires
 * under ids of their own. It behaves like the reference but is not the loaded reference, so its
 * pass is the learner's own.
 */
export function ownCopy(design: Design): Design {
  const mine = (id: string) => (design.components.some((c) => c.id === id) ? `${id}-mine` : id);
  return {
    ...design,
    components: design.components.map((c) => ({ ...c, id: mine(c.id) })),
    wires: design.wires.map((w) => ({ ...w, from: mine(w.from), to: mine(w.to) })),
  };
}

/** Grades the learner's own copy of the reference design. */
export async function runOwnCopy(request: APIRequestContext, url: string, scenarioId: string): Promise<ScenarioRunResult> {
  const design = ownCopy(await template(request, url, scenarioId, 'reference'));
  return api<ScenarioRunResult>(request, url, 'runScenario', { scenarioId, design });
}
