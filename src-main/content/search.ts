import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonDocument, SearchHit } from './types';
import { findLesson, listLessons } from './lessons';

/** One searchable stretch of text: a lesson section, or a scenario's story or briefing. */
export interface SearchSection {
  kind: SearchHit['kind'];
  id: string;
  title: string;
  sectionId: string | null;
  sectionTitle: string | null;
  text: string;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

export function plainText(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&[a-z]+;|&#39;/g, (e) => entities[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a lesson into its sections (text under each h2/h3), plus checks' questions. */
export function lessonSections(doc: LessonDocument): SearchSection[] {
  const base = { kind: 'lesson' as const, id: doc.id, title: doc.title };
  const sections: SearchSection[] = [{ ...base, sectionId: null, sectionTitle: null, text: `${doc.summary} ${doc.topics.join(' ')}` }];
  let current = sections[0]!;
  for (const block of doc.blocks) {
    if (block.type === 'check') current.text += ` ${block.question}`;
    if (block.type === 'widget') current.text += ` ${String(block.options.title ?? '')} ${String(block.options.question ?? '')}`;
    if (block.type !== 'html') continue;
    // Headings carry ids; everything after one belongs to it until the next.
    const parts = block.html.split(/(<h[23] id="[^"]+">[\s\S]*?<\/h[23]>)/);
    for (const part of parts) {
      const heading = /^<h[23] id="([^"]+)">([\s\S]*?)<\/h[23]>$/.exec(part);
      if (heading) {
        current = { ...base, sectionId: heading[1] ?? null, sectionTitle: plainText(heading[2] ?? ''), text: '' };
        sections.push(current);
      } else {
        current.text += ` ${plainText(part)}`;
      }
    }
  }
  return sections;
}

let cache: { key: string; sections: SearchSection[] } | null = null;

function folderSignature(folder: string): string {
  try {
    return readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${f}:${statSync(join(folder, f)).mtimeMs}`)
      .join('|');
  } catch {
    return '';
  }
}

/** Every section of every lesson that loads, re-read only when a lesson file changes. */
export function allLessonSections(folder: string): SearchSection[] {
  const key = `${folder}#${folderSignature(folder)}`;
  if (cache?.key === key) return cache.sections;
  const sections: SearchSection[] = [];
  for (const summary of listLessons(folder).lessons) {
    const found = findLesson(folder, summary.id);
    if (found?.ok) sections.push(...lessonSections(found.lesson));
  }
  cache = { key, sections };
  return sections;
}

function excerptAround(text: string, terms: string[], width = 160): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return text.slice(0, width) + (text.length > width ? '…' : '');
  const start = Math.max(0, at - 50);
  const slice = text.slice(start, start + width);
  return `${start > 0 ? '…' : ''}${slice}${start + width < text.length ? '…' : ''}`;
}

/** The words of a query worth matching: lower case, two characters or more, each once. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((t) => t.length > 1))];
}

/**
 * The sections containing every word of the query, best first. Title matches
 * weigh most, then headings, then body text, so "stampede" lands on its section.
 */
export function rankSections(sections: SearchSection[], query: string, limit = 12): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const section of sections) {
    const title = section.title.toLowerCase();
    const heading = (section.sectionTitle ?? '').toLowerCase();
    const body = section.text.toLowerCase();
    let score = 0;
    let all = true;
    for (const term of terms) {
      const inTitle = section.sectionId === null && title.includes(term);
      const inHeading = heading.includes(term);
      const count = body.split(term).length - 1;
      if (!inTitle && !inHeading && count === 0) all = false;
      score += (inTitle ? 10 : 0) + (inHeading ? 6 : 0) + Math.min(count, 5);
    }
    if (!all) continue;
    const { text, ...where } = section;
    hits.push({ ...where, excerpt: excerptAround(text, terms), terms, score });
  }
  return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
}
