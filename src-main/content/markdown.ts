import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Marked, type Tokens, type Token } from 'marked';
import type { OutlineEntry } from './types';

const callouts: Record<string, string> = { NOTE: 'Note', PITFALL: 'Pitfall', TIP: 'Interview tip' };

export interface MarkdownContext {
  /** Folder the lesson lives in; figures resolve against it. */
  folder: string;
  outline: OutlineEntry[];
  usedIds: Set<string>;
  problems: string[];
}

export function slugify(text: string, used: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z]+;/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section';
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Our figures are our own SVG files; still, nothing active may ride along inside them. */
export function sanitizeSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
    .trim();
}

function figureHtml(image: Tokens.Image, ctx: MarkdownContext): string {
  const href = image.href;
  if (!/^figures\/[a-z0-9-]+\.svg$/.test(href)) {
    ctx.problems.push(`figure "${href}": expected a local SVG under figures/ (remote images are not allowed)`);
    return `<div class="content-error" role="alert">Figure "${escapeHtml(href)}" is not a local SVG under figures/.</div>`;
  }
  const file = join(ctx.folder, href);
  if (!existsSync(file)) {
    ctx.problems.push(`figure "${href}": file not found`);
    return `<div class="content-error" role="alert">Figure "${escapeHtml(href)}" is missing.</div>`;
  }
  const svg = sanitizeSvg(readFileSync(file, 'utf8'));
  const caption = image.title ? `<figcaption>${escapeHtml(image.title)}</figcaption>` : '';
  return `<figure class="lesson-figure"><div class="figure-art" role="img" aria-label="${escapeHtml(image.text)}">${svg}</div>${caption}</figure>`;
}

/** One marked instance per lesson render: the context collects headings and problems. */
export function createMarkdown(ctx: MarkdownContext): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Token[]): string } }, { tokens, depth }: Tokens.Heading) {
        const html = this.parser.parseInline(tokens);
        const text = html.replace(/<[^>]*>/g, '');
        const id = slugify(text, ctx.usedIds);
        if (depth === 2 || depth === 3) ctx.outline.push({ id, text, level: depth });
        return `<h${depth} id="${id}">${html}</h${depth}>\n`;
      },
      paragraph(this: { parser: { parseInline(tokens: Token[]): string } }, { tokens }: Tokens.Paragraph) {
        const only = tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
        if (only.length === 1 && only[0]?.type === 'image') return figureHtml(only[0] as Tokens.Image, ctx);
        return `<p>${this.parser.parseInline(tokens)}</p>\n`;
      },
      image(image: Tokens.Image) {
        return figureHtml(image, ctx);
      },
      blockquote(this: { parser: { parse(tokens: Token[]): string } }, { tokens }: Tokens.Blockquote) {
        const body = this.parser.parse(tokens);
        const marker = /^<p>\[!([A-Z]+)\][ \t]*(?:\n|<br>)?/.exec(body);
        const kind = marker?.[1];
        if (!marker || !kind || !callouts[kind]) return `<blockquote>\n${body}</blockquote>\n`;
        const rest = `<p>${body.slice(marker[0].length)}`.replace(/^<p>\s*<\/p>\n?/, '');
        const cls = kind.toLowerCase();
        return `<aside class="callout callout-${cls}" role="note"><p class="callout-label">${callouts[kind]}</p>${rest}</aside>\n`;
      },
      link(this: { parser: { parseInline(tokens: Token[]): string } }, { href, title, tokens }: Tokens.Link) {
        // Links may point anywhere, but external ones open in the OS browser, never inside the app.
        const text = this.parser.parseInline(tokens ?? []);
        const external = /^https?:/i.test(href);
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(href)}"${t}${external ? ' rel="noopener noreferrer" target="_blank"' : ''}>${text}</a>`;
      },
    },
  });
}
