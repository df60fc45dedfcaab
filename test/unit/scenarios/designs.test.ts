// Designs at the boundary (import, the designer's live check) and how wires become workload paths.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadScenarios } from '../../../src-main/scenarios/loadScenarios';
import { checkDesign, DesignFileError, importDesignText, isReferenceDesign, readDesign, templateDesign } from '../../../src-main/scenarios/designs';
import { designToModel } from '../../../src-main/scenarios/designToModel';
import type { Design } from '../../../src-main/scenarios/types';

const shipped = loadScenarios(resolve(import.meta.dirname, '../../../scenarios')).scenarios;
const checkout = shipped.find((s) => s.id === 'checkout-contention')!;
const placeOrder = shipped.find((s) => s.id === 'place-order')!;
const reference = templateDesign(checkout, 'reference');

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DesignFileError);
    return (err as Error).message;
  }
  throw new Error('expected the design to be refused');
};

describe('importing a design file', () => {
  it('round-trips an exported design unchanged', () => {
    expect(importDesignText(checkout, JSON.stringify(reference))).toEqual(reference);
  });

  it('refuses a component the scenario does not offer, naming it and its kind', () => {
    const withCdn = { ...reference, components: [...reference.components, { id: 'edge', kind: 'cdn', x: 0, y: 0, instances: 1, options: {} }] };
    const message = refusal(() => importDesignText(checkout, JSON.stringify(withCdn), 'mine.json'));
    expect(message).toMatch(/^mine\.json: this scenario does not offer edge \(CDN\)/);
    expect(message).toContain('it offers: Load balancer, App server');
  });

  it('names the field and what was expected for a malformed file', () => {
    expect(refusal(() => importDesignText(checkout, '{ not json', 'a.json'))).toMatch(/^a\.json: not valid JSON/);
    expect(refusal(() => importDesignText(checkout, JSON.stringify({ ...reference, format: 'other' }), 'b.json'))).toMatch(/^b\.json: format: expected format: backpressure-design/);
    const badInstances = { ...reference, components: reference.components.map((c, i) => (i === 1 ? { ...c, instances: 'three' } : c)) };
    expect(refusal(() => importDesignText(checkout, JSON.stringify(badInstances), 'c.json'))).toBe('c.json: components[1].instances: expected a whole number, got "three"');
    expect(refusal(() => importDesignText(checkout, JSON.stringify({ ...reference, scenarioId: 'place-order' }), 'd.json'))).toMatch(/this design is for "place-order", not "checkout-contention"/);
  });

  it('reports a setting out of range as a problem of that component', () => {
    const design = structuredClone(reference);
    design.components.find((c) => c.id === 'db')!.options.connectionPool = 100_000;
    const check = checkDesign(checkout, readDesign(checkout, design));
    expect(check.runnable).toBe(false);
    expect(check.problems).toContainEqual(expect.objectContaining({ severity: 'error', component: 'db', message: expect.stringMatching(/Connection pool should be a number from 1 to 500/) }));
  });
});

describe('telling the reference from the learner\'s own design', () => {
  it('knows the reference when its nodes are only moved, and not once anything that changes behaviour does', () => {
    const moved = structuredClone(reference);
    moved.components.forEach((c, i) => Object.assign(c, { x: c.x + 40 * i, y: c.y + 7 }));
    moved.wires.reverse();
    expect(isReferenceDesign(checkout, moved)).toBe(true);
    const resized = structuredClone(reference);
    resized.components[1]!.instances += 1;
    expect(isReferenceDesign(checkout, resized)).toBe(false);
    expect(isReferenceDesign(checkout, templateDesign(checkout, 'starting'))).toBe(false);
  });
});

describe('wires to paths', () => {
  it('refuses a workload wired on past its last step, naming the wire to untick', () => {
    const design = structuredClone(reference);
    design.wires.find((w) => w.from === 'db' && w.to === 'jobs')!.workloads.push('login');
    const check = checkDesign(checkout, readDesign(checkout, design));
    expect(check.runnable).toBe(false);
    const login = checkout.workloads.find((w) => w.id === 'login')!.label;
    const problem = check.problems.find((p) => p.workload === 'login' && p.component === 'jobs');
    expect(problem).toMatchObject({ severity: 'error' });
    expect(problem!.message).toContain(`untick ${login} on the wire from`);
    expect(problem!.message).toMatch(/after its last step/);
  });

  it('follows each workload from the users along the wires that carry it', () => {
    const check = checkDesign(checkout, reference);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.paths.login).toEqual({ hops: ['lb', 'auth', 'db'], asyncFrom: null });
    // The charge happens behind the queue: hops from the worker on run in the background.
    expect(check.paths.checkout).toEqual({ hops: ['lb', 'app', 'db', 'jobs', 'charger', 'payments'], asyncFrom: 4 });
    expect(check.costPerMonth).toBe(690);
  });

  it('refuses a workload that leaves a component by two wires, and one that loops', () => {
    const two: Design = structuredClone(reference);
    two.wires.push({ from: 'app', to: 'cache', workloads: ['checkout'] });
    expect(checkDesign(checkout, two).problems).toContainEqual(expect.objectContaining({ workload: 'checkout', message: expect.stringMatching(/2 wires carry it out of App server \(to Postgres and Redis cache\)/) }));
    const loop: Design = structuredClone(reference);
    loop.wires.push({ from: 'db', to: 'lb', workloads: ['login'] });
    expect(checkDesign(checkout, loop).problems).toContainEqual(expect.objectContaining({ workload: 'login', message: 'Log in: its wires loop back to Load balancer' }));
  });

  it('says which piece of work has no component to do it', () => {
    const noDb: Design = structuredClone(reference);
    noDb.wires = noDb.wires.filter((w) => !(w.from === 'auth' && w.to === 'db'));
    const check = checkDesign(checkout, noDb);
    expect(check.runnable).toBe(false);
    expect(check.problems).toContainEqual(expect.objectContaining({ workload: 'login', message: 'Log in: nothing on its path can "load the account" after "check the password"; it needs a Postgres or a Read replica on the path' }));
  });

  it('warns about a component no workload uses, and still counts its cost', () => {
    const idle: Design = structuredClone(reference);
    idle.components.push({ id: 'spare', kind: 'server', x: 0, y: 0, instances: 2, options: {} });
    const check = checkDesign(checkout, idle);
    expect(check.runnable).toBe(true);
    expect(check.problems).toContainEqual({ severity: 'warning', component: 'spare', message: 'App server 2 is on no workload\'s path: it costs money and does nothing' });
    expect(check.costPerMonth).toBe(690 + 140);
  });

  it('gives the password check to the auth service when there is one, and to the app server otherwise', () => {
    const withAuth = designToModel(checkout, reference).assignments.find((a) => a.step === 'check the password');
    expect(withAuth).toMatchObject({ componentId: 'auth', kind: 'auth' });
    const starting = designToModel(checkout, templateDesign(checkout, 'starting')).assignments.find((a) => a.step === 'check the password');
    expect(starting).toMatchObject({ componentId: 'app', kind: 'server' });
  });

  it('marks a must-finish step put behind a queue as done in the background', () => {
    const design = templateDesign(placeOrder, 'reference');
    // Move the queue before the charge: the answer would come before the money.
    design.wires = design.wires.map((w) => (w.from === 'shop' && w.to === 'payments' ? { ...w, to: 'followUps' } : w.from === 'followUps' ? { ...w, to: 'payments' } : w.from === 'workers' ? { ...w, from: 'db', to: 'workers' } : w.from === 'db' && w.to === 'followUps' ? { ...w, from: 'workers', to: 'email' } : w));
    const build = designToModel(placeOrder, design);
    const charge = build.assignments.find((a) => a.step === 'charge the card');
    expect(charge).toMatchObject({ mustFinishFirst: true, inBackground: true });
  });
});
