// Chart colours are the app's semantic tokens, so dark mode is the same token swap.
export type Tone = 'pass' | 'warn' | 'fail' | 'accent' | 'muted';

export const toneColour: Record<Tone, string> = {
  pass: 'var(--pass)',
  warn: 'var(--warn)',
  fail: 'var(--fail)',
  accent: 'var(--accent)',
  muted: 'var(--muted)',
};

/** Series colours in order when a widget does not name them. */
export const seriesTones: Tone[] = ['accent', 'warn', 'pass', 'muted', 'fail'];

/** Utilisation 0..1+ as a verdict colour: under 70 % pass, under 90 % warn, else fail. */
export function utilisationTone(utilisation: number): Tone {
  return utilisation < 0.7 ? 'pass' : utilisation < 0.9 ? 'warn' : 'fail';
}
