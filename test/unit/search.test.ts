import { describe, expect, it } from 'vitest';
import { allLessonSections, plainText, rankSections } from '../../src-main/content/search';
import { scenarioSections } from '../../src-main/scenarios/scenarioSearch';
import { loadScenarios } from '../../src-main/scenarios/loadScenarios';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureLessons, realScenarios, tempBackend, tempDir } from './helpers/tempBackend';

const searchLessons = (folder: string, query: string) => rankSections(allLessonSections(folder), query);

describe('searching lessons', () => {
  it('finds the section whose text mentions every word, pointing at its heading', () => {
    const hits = searchLessons(fixtureLessons, 'memory deadlines');
    expect(hits[0]).toMatchObject({ kind: 'lesson', id: 'queues-101', sectionId: 'when-the-queue-is-not-enough', sectionTitle: 'When the queue is not enough' });
    expect(hits[0]?.excerpt.toLowerCase()).toContain('memory');
  });

  it('ranks a heading match above passing mentions', () => {
    const t = tempDir('bp-search-');
    try {
      const body = '## Timeouts\n\nA retry here, a retry there, and one more retry.\n\n## Retry storms\n\nWhen clients retry together.\n';
      writeFileSync(join(t.dir, 'r.md'), `---\nid: r\ntitle: Resilience\nsummary: Failing well.\norder: 1\nminutes: 3\n---\n\n${body}`);
      const hits = searchLessons(t.dir, 'retry');
      expect(hits.map((h) => h.sectionTitle)).toEqual(['Retry storms', 'Timeouts']);
    } finally {
      t.cleanup();
    }
  });

  it('finds check questions and lesson titles', () => {
    expect(searchLessons(fixtureLessons, 'arrivals run at 120').length).toBeGreaterThan(0);
    expect(searchLessons(fixtureLessons, 'five minutes')[0]).toMatchObject({ kind: 'lesson', id: 'queues-101', sectionId: null });
  });

  it('returns nothing for words no lesson has, and ignores lessons that failed to load', () => {
    expect(searchLessons(fixtureLessons, 'xylophone')).toEqual([]);
    expect(searchLessons(fixtureLessons, 'bad field')).toEqual([]);
  });

  it('reads text out of HTML without tags or figure markup', () => {
    expect(plainText('<p>a &amp; b</p><svg><text>hidden</text></svg><p>c&#39;s</p>')).toBe("a & b c's");
  });
});

describe('searching scenarios beside lessons', () => {
  it('finds a scenario by words from its story and its briefing, opening its briefing', () => {
    const sections = loadScenarios(realScenarios).scenarios.flatMap(scenarioSections);
    const [top] = rankSections(sections, 'sneaker drop');
    expect(top).toMatchObject({ kind: 'scenario', id: 'flash-sale', sectionId: null });
    const [briefing] = rankSections(sections, 'virtual queue admission rate');
    expect(briefing).toMatchObject({ kind: 'scenario', id: 'flash-sale', sectionId: 'briefing', sectionTitle: 'Briefing' });
  });

  it('answers the app\'s search with lessons and scenarios in one list', async () => {
    const b = tempBackend();
    try {
      const reply = (await b.dispatch('search', { query: 'queue' })) as { ok: boolean; value: { hits: { kind: string; id: string }[] } };
      expect(reply.ok).toBe(true);
      const kinds = new Set(reply.value.hits.map((h) => h.kind));
      expect(kinds).toEqual(new Set(['lesson', 'scenario']));
      const none = (await b.dispatch('search', { query: 'xylophone' })) as { value: { hits: unknown[] } };
      expect(none.value.hits).toEqual([]);
    } finally {
      b.dispose();
    }
  });
});
