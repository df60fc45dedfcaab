import { parse as parseYaml } from 'yaml';

export interface FrontMatterSplit {
  data: unknown;
  body: string;
  /** Line number in the file where the body starts, so block errors can point at lines. */
  bodyStartLine: number;
}

const fence = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---` YAML front matter from a markdown body. Throws with a reason a writer can act on. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const source = text.replace(/^\uFEFF/, '');
  const match = fence.exec(source);
  if (!match) throw new Error('expected the file to start with a front matter block between two "---" lines');
  const data = parseYaml(match[1] ?? '') as unknown;
  const bodyStartLine = match[0].split('\n').length;
  return { data, body: source.slice(match[0].length), bodyStartLine };
}
