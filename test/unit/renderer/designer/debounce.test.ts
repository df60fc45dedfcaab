import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer, Generations } from '../../../../src-renderer/scenarios/designer/debounce';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Debouncer', () => {
  it('runs only the last task of a burst, once the delay has passed since it', () => {
    const wait = new Debouncer();
    const ran: string[] = [];
    wait.schedule(() => ran.push('a'), 250);
    vi.advanceTimersByTime(200);
    wait.schedule(() => ran.push('b'), 250);
    vi.advanceTimersByTime(200);
    expect(ran).toEqual([]);
    expect(wait.pending).toBe(true);
    vi.advanceTimersByTime(50);
    expect(ran).toEqual(['b']);
    expect(wait.pending).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['b']);
  });

  it('is no longer pending while its task runs, so the task can schedule the next one', () => {
    const wait = new Debouncer();
    let pendingInside: boolean | null = null;
    wait.schedule(() => (pendingInside = wait.pending), 0);
    vi.runAllTimers();
    expect(pendingInside).toBe(false);
  });

  it('cancel drops a waiting task', () => {
    const wait = new Debouncer();
    const task = vi.fn();
    wait.schedule(task, 100);
    wait.cancel();
    expect(wait.pending).toBe(false);
    vi.advanceTimersByTime(500);
    expect(task).not.toHaveBeenCalled();
  });
});

describe('Generations', () => {
  it('only the newest ticket is current', () => {
    const generations = new Generations();
    const first = generations.next();
    expect(generations.isCurrent(first)).toBe(true);
    const second = generations.next();
    expect(generations.isCurrent(first)).toBe(false);
    expect(generations.isCurrent(second)).toBe(true);
  });

  it('with a debouncer, drops a slow answer overtaken by a newer request (as the live check does)', async () => {
    const wait = new Debouncer();
    const generations = new Generations();
    const shown: string[] = [];
    const answer = (design: string, ms: number) => new Promise<string>((resolve) => setTimeout(() => resolve(`checked ${design}`), ms));
    const request = (design: string, answerMs: number) => {
      const ticket = generations.next();
      wait.schedule(async () => {
        const result = await answer(design, answerMs);
        if (generations.isCurrent(ticket)) shown.push(result);
      }, 250);
    };

    request('v1', 1000);
    await vi.advanceTimersByTimeAsync(300); // v1 is in flight
    request('v2', 100);
    await vi.advanceTimersByTimeAsync(2000);
    expect(shown).toEqual(['checked v2']);
  });
});
