// Design files: what Export writes and Import reads (the backend validates imports).
import type { Design } from '../../../src-main/api/contract';

export function designFileName(scenarioId: string): string {
  return `${scenarioId}-design.json`;
}

export function designFileText(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}

/** Saves the design as a JSON file through the browser's download. */
export function downloadDesign(design: Design): void {
  const blob = new Blob([designFileText(design)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = designFileName(design.scenarioId);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The text of a chosen file; refuses files far too big to be a design. */
export async function readDesignFile(file: File): Promise<string> {
  if (file.size > 1_000_000) throw new Error(`${file.name} is ${Math.round(file.size / 1024)} KB; a design file is at most 1 MB.`);
  return file.text();
}
