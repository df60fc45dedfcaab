import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findLesson, listLessons, loadLessonFile } from '../../src-main/content/lessons';
import { fixtureLessons, tempDir } from './helpers/tempBackend';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A lessons folder holding the fixture lesson plus the given files. */
function folderWith(files: Record<string, string>): string {
  const t = tempDir('bp-lessons-');
  cleanups.push(t.cleanup);
  cpSync(join(fixtureLessons, 'queues-101.md'), join(t.dir, 'queues-101.md'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(t.dir, name, '..'), { recursive: true });
    writeFileSync(join(t.dir, name), text);
  }
  return t.dir;
}

const lesson = (front: string, body = 'Some text.') => `---\n${front}\n---\n\n${body}\n`;
const goodFront = 'id: second\ntitle: Second\nsummary: The second one.\norder: 2\ntopics: [a]\nminutes: 3';

describe('loading lessons', () => {
  it('lists the fixture lesson with its front matter', () => {
    const { lessons } = listLessons(fixtureLessons);
    expect(lessons.find((l) => l.id === 'queues-101')).toMatchObject({
      title: 'Queues in five minutes',
      order: 1,
      minutes: 5,
      topics: ['queues', 'backpressure'],
      file: 'queues-101.md',
    });
  });

  it('names the file and the field of a malformed lesson, and still lists the others', () => {
    const { lessons, problems } = listLessons(fixtureLessons);
    expect(lessons.map((l) => l.id)).toEqual(['queues-101']);
    const broken = problems.find((p) => p.file === 'broken-minutes.md');
    expect(broken).toMatchObject({ file: 'broken-minutes.md', field: 'minutes' });
    expect(broken?.message).toMatch(/broken-minutes\.md: front matter field 'minutes': expected a number, got "ten"/);
  });

  it('shipped lessons do not keep the right answer of their checks in one place', () => {
    const folder = resolve(import.meta.dirname, '../../content/lessons');
    for (const summary of listLessons(folder).lessons) {
      const found = findLesson(folder, summary.id);
      if (!found?.ok) throw new Error(`${summary.id} did not load`);
      const positions = found.lesson.blocks.flatMap((b) => (b.type === 'check' ? [b.options.findIndex((o) => o.correct)] : []));
      if (positions.length < 3) continue;
      const most = Math.max(...[0, 1, 2, 3].map((i) => positions.filter((p) => p === i).length));
      // A learner who always picks one position would be right by chance, not by understanding.
      expect(most / positions.length, `${summary.id}: right answers at ${positions.join(', ')}`).toBeLessThanOrEqual(0.5);
    }
  });

  it('lists the shipped lessons without a single problem', () => {
    expect(listLessons(resolve(import.meta.dirname, '../../content/lessons')).problems).toEqual([]);
  });

  it('says so when the lessons folder is missing, instead of showing an empty Library', () => {
    const t = tempDir('bp-lessons-');
    cleanups.push(t.cleanup);
    const gone = join(t.dir, 'not-here');
    const { lessons, problems } = listLessons(gone);
    expect(lessons).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(gone);
    expect(problems[0]?.message).toMatch(/lessons folder/);
    expect(problems[0]?.message).not.toMatch(/ENOENT/);
  });

  it('explains a missing front matter, a missing field and an unexpected field', () => {
    const folder = folderWith({
      'none.md': '# Just a heading\n',
      'missing.md': lesson('id: missing\ntitle: Missing\nsummary: x\norder: 3\ntopics: []'),
      'extra.md': lesson(`${goodFront.replace('second', 'extra')}\ncolour: blue`),
    });
    const { lessons, problems } = listLessons(folder);
    expect(lessons.map((l) => l.id)).toEqual(['queues-101']);
    const byFile = Object.fromEntries(problems.map((p) => [p.file, p.message]));
    expect(byFile['none.md']).toMatch(/front matter/);
    expect(byFile['missing.md']).toMatch(/'minutes'.*got nothing/);
    expect(byFile['extra.md']).toMatch(/unexpected field.*'colour'/);
  });

  it('reports front matter YAML that does not parse, naming the file', () => {
    const folder = folderWith({ 'yaml.md': lesson('id: [unclosed\ntitle: x') });
    const problem = listLessons(folder).problems.find((p) => p.file === 'yaml.md');
    expect(problem?.message).toMatch(/^yaml\.md: front matter/);
  });

  it('refuses a second lesson with the same id, naming both files', () => {
    const folder = folderWith({ 'copy.md': lesson(goodFront.replace('id: second', 'id: queues-101')) });
    const { lessons, problems } = listLessons(folder);
    expect(lessons.filter((l) => l.id === 'queues-101')).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/already used by/);
    expect(problems[0]?.message).toContain('copy.md');
    expect(problems[0]?.message).toContain('queues-101.md');
  });

  it('orders lessons by their order field', () => {
    const folder = folderWith({ 'a-zero.md': lesson(goodFront.replace('order: 2', 'order: 0').replace('id: second', 'id: zero')) });
    expect(listLessons(folder).lessons.map((l) => l.id)).toEqual(['zero', 'queues-101']);
  });

  it('renders markdown into blocks: prose, callouts, tables, checks and widgets', () => {
    const result = loadLessonFile(fixtureLessons, 'queues-101.md');
    if (!result.ok) throw new Error(result.problem.message);
    const { blocks, outline } = result.lesson;
    expect(blocks.map((b) => b.type)).toEqual(['html', 'check', 'html', 'widget', 'html', 'error']);
    const html = blocks.filter((b) => b.type === 'html').map((b) => (b as { html: string }).html).join('');
    expect(html).toContain('<h2 id="why-queue-at-all">Why queue at all</h2>');
    expect(html).toMatch(/<aside class="callout callout-note" role="note"><p class="callout-label">Note<\/p>/);
    expect(html).not.toContain('[!NOTE]');
    expect(html).toContain('<table>');
    expect(outline).toEqual([
      { id: 'why-queue-at-all', text: 'Why queue at all', level: 2 },
      { id: 'when-the-queue-is-not-enough', text: 'When the queue is not enough', level: 2 },
    ]);
    const check = blocks[1];
    expect(check).toMatchObject({ type: 'check', id: 'check-1' });
    expect(blocks[3]).toMatchObject({ type: 'widget', id: 'queue-burst-1', widget: 'cache-aside', options: { controls: { cacheSize: 100 } } });
    // The fixture's last widget names a kind this version does not have: a lesson problem, shown in place.
    expect(blocks[5]).toMatchObject({ type: 'error', message: expect.stringMatching(/widget block \(line \d+\): Unknown widget "queue-burst".*cache-aside/) });
    expect(result.problems.map((p) => p.field)).toEqual(['widget block']);
  });

  it('shows a broken widget or check block as a visible error in place, naming the line', () => {
    const body = [
      'Intro.',
      '',
      '```widget',
      'widget: cache-aside',
      'keys: [1, 2',
      '```',
      '',
      '```check',
      'question: Two right answers?',
      'options:',
      '  - { text: A, correct: true, why: a }',
      '  - { text: B, correct: true, why: b }',
      '```',
      '',
      '```widget',
      'size: 3',
      '```',
    ].join('\n');
    const folder = folderWith({ 'bad-blocks.md': lesson(goodFront, body) });
    const result = loadLessonFile(folder, 'bad-blocks.md');
    if (!result.ok) throw new Error('should load');
    const errors = result.lesson.blocks.filter((b) => b.type === 'error').map((b) => (b as { message: string }).message);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/bad-blocks\.md, widget block \(line 12\): its YAML does not parse/);
    expect(errors[1]).toMatch(/check block.*exactly one correct option/);
    expect(errors[2]).toMatch(/widget block.*'widget'/);
    expect(result.problems).toHaveLength(3);
  });

  it('checks widget blocks against the widget specs when the lesson loads, naming the block and the field', () => {
    const widget = (yaml: string) => ['```widget', yaml, '```', ''].join('\n');
    const predict = 'predict:\n  metric: cacheHitRatio\n  choices:\n    - { label: Low, range: [0, 0.5] }\n    - { label: High, range: [0.5, 1] }';
    const body = [
      widget(`widget: cache-asid\nquestion: Which?\n${predict}`),
      widget(`widget: cache-aside\nquestion: Which?\n${predict}\ncontrols: { cacheSize: 5, colour: blue }`),
      widget(`widget: cache-aside\nquestion: Which?\n${predict}\ncontrols: { keys: 1e9 }`),
      widget('widget: cache-aside\nquestion: Which?\npredict:\n  metric: cacheHitRatio\n  choices:\n    - { label: Low, range: [0.5, 0.1] }\n    - { label: High, range: [60, 90] }'),
      widget(`widget: cache-aside\nquestion: Which?\n${predict.replace('cacheHitRatio', 'hitRate')}`),
      widget(`widget: cache-aside\nquestion: Which?\n${predict}\ncontrols: { cacheSize: 500 }`),
    ].join('\n');
    const folder = folderWith({ 'widgets.md': lesson(goodFront, body) });
    const result = loadLessonFile(folder, 'widgets.md');
    if (!result.ok) throw new Error('should load');
    const messages = result.problems.map((p) => p.message);
    expect(messages).toHaveLength(5);
    expect(messages[0]).toMatch(/widgets\.md, widget block \(line \d+\): Unknown widget "cache-asid".*cache-aside/);
    expect(messages[1]).toMatch(/controls\.cacheSize: expected a number from 10 to 1,000,000.*got 5/);
    expect(messages[1]).toMatch(/controls\.colour: not a control of cache-aside/);
    expect(messages[2]).toMatch(/controls\.keys: expected a number from 100 to 1,000,000/);
    expect(messages[3]).toMatch(/predict\.choices\.0\.range/);
    expect(messages[4]).toMatch(/predict\.metric: "hitRate" is not a figure cache-aside reports/);
    const widgets = result.lesson.blocks.filter((b) => b.type === 'widget');
    expect(widgets).toEqual([expect.objectContaining({ widget: 'cache-aside', id: 'cache-aside-1' })]);
  });

  it('refuses prediction choices whose ranges overlap, since one figure would make both right', () => {
    const choices = ['{ label: Low, range: [0, 0.6] }', '{ label: Middle, range: [0.6, 0.8] }', '{ label: High, range: [0.7, 1] }'];
    const body = `\`\`\`widget\nwidget: cache-aside\nquestion: Which?\npredict:\n  metric: cacheHitRatio\n  choices:\n${choices.map((c) => `    - ${c}`).join('\n')}\n\`\`\`\n`;
    const result = loadLessonFile(folderWith({ 'overlap.md': lesson(goodFront, body) }), 'overlap.md');
    if (!result.ok) throw new Error('should load');
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/predict\.choices\.2\.range: \[0\.7, 1\] overlaps choice 1 \[0\.6, 0\.8\]$/)]);
  });

  it('inlines a local SVG figure without anything active in it, and flags remote or missing ones', () => {
    const svg = '<svg viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><a href="https://x.example"><rect class="fig-ink" width="5" height="5"/></a></svg>';
    const body = '![A box](figures/box.svg "A box, drawn")\n\n![Remote](https://x.example/a.png)\n\n![Gone](figures/gone.svg)';
    const folder = folderWith({ 'fig.md': lesson(goodFront, body), 'figures/box.svg': svg });
    const result = loadLessonFile(folder, 'fig.md');
    if (!result.ok) throw new Error('should load');
    const html = result.lesson.blocks.map((b) => (b.type === 'html' ? b.html : '')).join('');
    const figure = html.slice(0, html.indexOf('</figure>'));
    expect(figure).not.toMatch(/onload|<script|x\.example/);
    expect(html).toContain('<figure class="lesson-figure">');
    expect(html).toContain('<figcaption>A box, drawn</figcaption>');
    expect(html).toContain('class="fig-ink"');
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/remote images are not allowed[\s\S]*gone\.svg.*not found/);
  });
});
