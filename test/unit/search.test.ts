import { describe, expect, it } from 'vitest';
import { searchLessons, plainText } from '../../src-main/content/search';
import { fixtureLessons } from './helpers/tempBackend';

describe('searching lessons', () => {
  it('finds the section whose text mentions every word, pointing at its heading', () => {
    const hits = searchLessons(fixtureLessons, 'memory deadlines');
    expect(hits[0]).toMatchObject({ lessonId: 'queues-101', sectionId: 'when-the-queue-is-not-enough', sectionTitle: 'When the queue is not enough' });
    expect(hits[0]?.excerpt.toLowerCase()).toContain('memory');
  });

  it('ranks a heading match above a passing mention', () => {
    const hits = searchLessons(fixtureLessons, 'queue');
    expect(hits[0]?.sectionTitle).toMatch(/queue/i);
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
