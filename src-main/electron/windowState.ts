import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultBounds: WindowBounds = { width: 1280, height: 820, maximized: false };
const minSize = { width: 900, height: 600 };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The last window bounds, if they are sane and still on a connected screen;
 * otherwise the defaults (a monitor unplugged since last time must not hide the window).
 */
export function loadWindowBounds(file: string, workAreas: WorkArea[]): WindowBounds {
  let saved: Partial<WindowBounds>;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowBounds>;
  } catch {
    return defaultBounds;
  }
  if (!isNum(saved.width) || !isNum(saved.height)) return defaultBounds;
  const width = Math.max(minSize.width, Math.min(saved.width, 10_000));
  const height = Math.max(minSize.height, Math.min(saved.height, 10_000));
  const maximized = saved.maximized === true;
  if (!isNum(saved.x) || !isNum(saved.y)) return { width, height, maximized };
  const { x, y } = saved;
  const visible = workAreas.some(
    (a) => x < a.x + a.width - 100 && x + width > a.x + 100 && y >= a.y - 10 && y < a.y + a.height - 100,
  );
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

export function saveWindowBounds(file: string, bounds: WindowBounds): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(bounds));
  } catch {
    // Losing the window position is harmless; never let it disturb quitting.
  }
}
