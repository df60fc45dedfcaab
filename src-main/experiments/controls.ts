/** Reading controls, and the controls several widgets share with the same units and ranges. */
import type { ControlSpec, ControlValues } from './types';

export type NumberControl = Extract<ControlSpec, { kind: 'number' }>;

export function num(controls: ControlValues, id: string): number {
  return controls[id] as number;
}

export function str(controls: ControlValues, id: string): string {
  return controls[id] as string;
}

export function keysControl(defaultKeys: number): NumberControl {
  return { id: 'keys', label: 'Keys', kind: 'number', unit: 'keys', min: 100, max: 1_000_000, step: 100, default: defaultKeys, scale: 'log' };
}

export function cacheSizeControl(defaultEntries: number): NumberControl {
  return { id: 'cacheSize', label: 'Cache size', kind: 'number', unit: 'entries', min: 10, max: 1_000_000, step: 10, default: defaultEntries, scale: 'log' };
}

export function readsControl(defaultRate: number): NumberControl {
  return { id: 'readsPerSecond', label: 'Reads', kind: 'number', unit: 'reads/s', min: 100, max: 50_000, step: 100, default: defaultRate, scale: 'log' };
}
