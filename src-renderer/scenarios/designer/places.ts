// What the designer remembers in localStorage rather than in the saved design:
// where the users and fixed components sit (they are not design components) and
// whether the learner chose a wide or narrow palette. Both are conveniences, so
// storage that fails or holds junk is ignored.
import type { Positions } from './layout';

const PALETTE_KEY = 'backpressure.designer.palette';

export type PaletteChoice = 'wide' | 'narrow';

export function placesKey(scenarioId: string): string {
  return `backpressure.designer.places.${scenarioId}`;
}

/** The stored places of the nodes `keep` accepts; anything malformed is skipped. */
export function readPlaces(scenarioId: string, keep: (id: string) => boolean): Positions {
  try {
    const raw = localStorage.getItem(placesKey(scenarioId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Positions = {};
    for (const [id, p] of Object.entries(parsed as Record<string, unknown>)) {
      const point = p as { x?: unknown; y?: unknown };
      if (keep(id) && typeof point.x === 'number' && typeof point.y === 'number') out[id] = { x: point.x, y: point.y };
    }
    return out;
  } catch {
    return {};
  }
}

export function writePlaces(scenarioId: string, places: Positions): void {
  try {
    localStorage.setItem(placesKey(scenarioId), JSON.stringify(places));
  } catch {
    // Positions of users and fixed components are a convenience; the design is saved anyway.
  }
}

export function readPaletteChoice(): PaletteChoice | null {
  try {
    const stored = localStorage.getItem(PALETTE_KEY);
    return stored === 'wide' || stored === 'narrow' ? stored : null;
  } catch {
    return null;
  }
}

export function writePaletteChoice(choice: PaletteChoice): void {
  try {
    localStorage.setItem(PALETTE_KEY, choice);
  } catch {
    // Not remembered; still applied.
  }
}
