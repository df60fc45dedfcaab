import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placesKey, readPaletteChoice, readPlaces, writePaletteChoice, writePlaces } from '../../../../src-renderer/scenarios/designer/places';

// Node has no localStorage: a Map stands in for it.
let store: Map<string, string>;
beforeEach(() => {
  store = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const keep = (id: string) => id === 'users' || id === 'payments';

describe('places', () => {
  it('round-trips the places of kept nodes, per scenario', () => {
    writePlaces('s', { users: { x: 1, y: 2 }, payments: { x: 3, y: 4 } });
    expect(readPlaces('s', keep)).toEqual({ users: { x: 1, y: 2 }, payments: { x: 3, y: 4 } });
    expect(readPlaces('other', keep)).toEqual({});
  });

  it('skips nodes no longer kept and malformed points, and ignores junk', () => {
    store.set(placesKey('s'), JSON.stringify({ users: { x: 1, y: 2 }, gone: { x: 0, y: 0 }, payments: { x: '3', y: 4 } }));
    expect(readPlaces('s', keep)).toEqual({ users: { x: 1, y: 2 } });
    store.set(placesKey('s'), '{not json');
    expect(readPlaces('s', keep)).toEqual({});
    store.set(placesKey('s'), '7');
    expect(readPlaces('s', keep)).toEqual({});
  });

  it('storage that throws is ignored', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    });
    expect(readPlaces('s', keep)).toEqual({});
    expect(() => writePlaces('s', {})).not.toThrow();
    expect(readPaletteChoice()).toBeNull();
    expect(() => writePaletteChoice('wide')).not.toThrow();
  });
});

describe('palette choice', () => {
  it('remembers wide or narrow and nothing else', () => {
    expect(readPaletteChoice()).toBeNull();
    writePaletteChoice('narrow');
    expect(readPaletteChoice()).toBe('narrow');
    store.set('backpressure.designer.palette', 'huge');
    expect(readPaletteChoice()).toBeNull();
  });
});
