import { describe, expect, it } from 'vitest';
import { searchLessons, plainText } from '../../src-main/content/search';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureLessons, tempDir } from './helpers/tempBackend';

describe('searching lessons', () => {
  it('finds the section whose text mentions every word, pointing at its heading', () => {
    const hits = searchLessons(fixtureLessons, 'memory deadlines');
    expect(hits[0]).toMatchObject({ lessonId: 'queues-101', sectionId: 'when-the-queue-is-not-enough', sectionTitle: 'When the queue is not enough' });
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
    expect(searchLessons(fixtureLessons, 'five minutes')[0]).toMatchObject({ lessonId: 'queues-101', sectionId: null });
  });

  it('returns nothing for words no lesson has, and ignores lessons that failed to load', () => {
    expect(searchLessons(fixtureLessons, 'xylophone')).toEqual([]);
    expect(searchLessons(fixtureLessons, 'bad field')).toEqual([]);
  });

  it('reads text out of HTML without tags or figure markup', () => {
    expect(plainText('<p>a &amp; b</p><svg><text>hidden</text></svg><p>c&#39;s</p>')).toBe("a & b c's");
  });
});
