// Figures on the page read back into numbers by the tests themselves, apart from the app's
// formatter, so a wrong figure cannot pass by being wrong the same way in the test.
import { expect } from '@playwright/test';
import type { Locator } from '@playwright/test';

const TO_MS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };
const WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * Every figure printed in a text, read back into a contract term's unit ('ms', '%', 'fraction',
 * '$/month', a word), with the size of one step in its last printed place: "99.95 %" is
 * 99.95 ± 0.01, "3.4 min" is 204,000 ± 6,000 ms, "16.2 million times" is 16,200,000 ± 100,000.
 */
function figuresIn(text: string, unit: string): { value: number; step: number }[] {
  const figures: { value: number; step: number }[] = [];
  for (const m of text.matchAll(/([−-]?)\$?(\d[\d,]*)(?:\.(\d+))?(?:\s(thousand|million|billion))?(?:\s?(%|ms|s|min|h)\b|\s?%)?/g)) {
    const places = m[3]?.length ?? 0;
    let value = Number(`${m[2]!.replace(/,/g, '')}.${m[3] ?? '0'}`);
    let step = 10 ** -places;
    const scale = (m[4] ? WORDS[m[4]]! : 1) * (unit === 'ms' && m[5] ? TO_MS[m[5]]! : 1) * (unit === 'fraction' ? 0.01 : 1);
    value *= scale * (m[1] ? -1 : 1);
    step *= scale;
    figures.push({ value, step });
  }
  return figures;
}

/**
 * The locator shows the measured figure, to the precision it prints. A figure the run could not
 * measure (NaN, null in JSON) reads "—", or for a contract term the words saying why.
 */
export async function expectFigure(locator: Locator, measured: number | null, unit: string, words = '—') {
  if (measured === null || !Number.isFinite(measured)) {
    await expect(locator).toContainText(words);
    return;
  }
  await expect
    .poll(async () => {
      const text = (await locator.textContent()) ?? '';
      return figuresIn(text, unit).some((f) => Math.abs(f.value - measured) <= f.step * (1 + 1e-9)) ? 'shown' : `not in "${text}"`;
    }, { message: `${measured} ${unit}` })
    .toBe('shown');
}
