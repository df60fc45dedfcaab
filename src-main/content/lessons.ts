import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Token, TokensList } from 'marked';
import type { ContentProblem, LessonBlock, LessonDocument, LessonList, LessonSummary } from './types';
import { splitFrontMatter } from './frontMatter';
import { checkBlock, describeZodProblem, lessonFrontMatter } from './lessonSchema';
import { checkWidgetBlock } from './widgetCheck';
import { createMarkdown, type MarkdownContext } from './markdown';
import { explainFileError } from '../fsErrors';

export type LessonLoad = { ok: true; lesson: LessonDocument; problems: ContentProblem[] } | { ok: false; problem: ContentProblem };

function countWords(markdown: string): number {
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/<[^>]+>/g, ' ');
  return prose.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Reads one lesson. A bad front matter rejects the file; a bad block becomes a visible error in place. */
export function loadLessonFile(folder: string, file: string): LessonLoad {
  let text: string;
  try {
    text = readFileSync(join(folder, file), 'utf8');
  } catch (err) {
    return { ok: false, problem: { file, field: null, message: `${file}: could not be read (${(err as Error).message})` } };
  }
  let split;
  try {
    split = splitFrontMatter(text);
  } catch (err) {
    return { ok: false, problem: { file, field: 'front matter', message: `${file}: front matter: ${(err as Error).message}` } };
  }
  const meta = lessonFrontMatter.safeParse(split.data ?? {});
  if (!meta.success) {
    const { field, message } = describeZodProblem(meta.error, split.data);
    return { ok: false, problem: { file, field, message: `${file}: front matter field '${field}': ${message}` } };
  }

  const summary = { ...meta.data, file };
  const ctx: MarkdownContext = { folder, outline: [], usedIds: new Set(), problems: [] };
  const md = createMarkdown(ctx);
  const tokens = md.lexer(split.body);
  const blocks: LessonBlock[] = [];
  const problems: ContentProblem[] = [];
  let pending: Token[] = [];
  let line = split.bodyStartLine;
  const kindCounts = new Map<string, number>();

  const flush = () => {
    if (pending.length === 0) return;
    const list = Object.assign(pending, { links: tokens.links }) as TokensList;
    blocks.push({ type: 'html', html: md.parser(list) });
    pending = [];
  };
  const fail = (where: string, message: string) => {
    const full = `${file}, ${where} (line ${line}): ${message}`;
    problems.push({ file, field: where, message: full });
    blocks.push({ type: 'error', id: `error-${blocks.length}`, message: full });
  };
  const nextId = (kind: string, explicit?: string) => {
    const n = (kindCounts.get(kind) ?? 0) + 1;
    kindCounts.set(kind, n);
    return explicit ?? `${kind}-${n}`;
  };

  for (const token of tokens) {
    if (token.type === 'code' && (token.lang === 'widget' || token.lang === 'check')) {
      flush();
      let value: unknown;
      try {
        value = parseYaml(token.text);
      } catch (err) {
        fail(`${token.lang} block`, `its YAML does not parse: ${(err as Error).message.split('\n')[0]}`);
        line += token.raw.split('\n').length - 1;
        continue;
      }
      if (token.lang === 'widget') {
        const checked = checkWidgetBlock(value);
        if (!checked.ok) fail('widget block', checked.message);
        else blocks.push({ type: 'widget', id: nextId(checked.widget, checked.id), widget: checked.widget, options: checked.options });
      } else {
        const parsed = checkBlock.safeParse(value);
        if (!parsed.success) {
          const { field, message } = describeZodProblem(parsed.error, value);
          fail('check block', `field '${field}': ${message}`);
        } else {
          blocks.push({ type: 'check', id: nextId('check', parsed.data.id), question: parsed.data.question, options: parsed.data.options });
        }
      }
    } else {
      pending.push(token);
    }
    line += token.raw.split('\n').length - 1;
  }
  flush();
  for (const message of ctx.problems) problems.push({ file, field: 'figure', message: `${file}: ${message}` });

  return {
    ok: true,
    lesson: {
      ...summary,
      checkCount: blocks.filter((b) => b.type === 'check').length,
      widgetCount: blocks.filter((b) => b.type === 'widget').length,
      blocks,
      outline: ctx.outline,
      wordCount: countWords(split.body),
    },
    problems,
  };
}

const pointAtLessons = 'Set BACKPRESSURE_LESSONS to the folder that holds the lesson files, or reinstall Backpressure.';

/** The lesson files in teaching-folder order, or why there are none: an empty Library would say nothing. */
function lessonFiles(folder: string): { files: string[]; problem: ContentProblem | null } {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
      .sort();
  } catch (err) {
    return { files: [], problem: { file: folder, field: null, message: `The lessons folder could not be read: ${explainFileError(err, folder)} ${pointAtLessons}` } };
  }
  if (files.length > 0) return { files, problem: null };
  return { files, problem: { file: folder, field: null, message: `The lessons folder ${folder} holds no lesson files (.md). ${pointAtLessons}` } };
}

/**
 * Every lesson in the folder, in teaching order, plus what was wrong with the
 * files that did not load. One broken file never hides the others.
 */
export function listLessons(folder: string): LessonList {
  const lessons: LessonSummary[] = [];
  const problems: ContentProblem[] = [];
  const seen = new Map<string, string>();
  const { files, problem } = lessonFiles(folder);
  if (problem) problems.push(problem);
  for (const file of files) {
    const result = loadLessonFile(folder, file);
    if (!result.ok) {
      problems.push(result.problem);
      continue;
    }
    const { blocks: _blocks, outline: _outline, wordCount: _words, ...summary } = result.lesson;
    const clash = seen.get(summary.id);
    if (clash) {
      problems.push({ file, field: 'id', message: `${file}: front matter field 'id': "${summary.id}" is already used by ${clash}` });
      continue;
    }
    seen.set(summary.id, file);
    lessons.push(summary);
    problems.push(...result.problems);
  }
  lessons.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return { lessons, problems };
}

export function findLesson(folder: string, id: string): LessonLoad | undefined {
  for (const file of lessonFiles(folder).files) {
    const result = loadLessonFile(folder, file);
    if (result.ok && result.lesson.id === id) return result;
  }
  return undefined;
}
