/**
 * What one component kind's file holds: its fields, its defaults and where
 * they come from, how the designer offers it, what it is like (its traits),
 * and how a component of that kind becomes a station.
 */
import type { z } from 'zod';
import type { ServiceTimeSpec } from '../fields';
import type { StationPlan } from '../plan';
import type { ComponentKind } from './componentKind';

/** A default and where the figure comes from ("assumption: ..." when it is ours). */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** The defaults every kind has. */
export interface KindDefaults {
  serviceTime: Sourced<ServiceTimeSpec>;
  baseLatencyMs: Sourced<number>;
  /** Requests one instance serves at once (threads, connections, consumers). */
  concurrency: Sourced<number>;
  costPerInstancePerMonth: Sourced<number>;
  errorRate: Sourced<number>;
}

/** A kind's own defaults beyond the five above, by a name unique across kinds (they are also listed flat). */
export type KindSettings = Readonly<Record<string, Sourced<unknown>>>;

/** One setting of a component the learner may change in the designer. */
export type OptionSpec =
  | { key: string; label: string; help: string; type: 'number'; unit: string; min: number; max: number; step: number; default: number }
  | { key: string; label: string; help: string; type: 'choice'; choices: { value: string; label: string }[]; default: string }
  | { key: string; label: string; help: string; type: 'boolean'; default: boolean };

export type OptionValues = Record<string, number | string | boolean>;

/** How the designer's palette offers a kind. */
export interface PaletteSpec {
  label: string;
  /** One line: what it is for. */
  purpose: string;
  maxInstances: number;
  options: OptionSpec[];
  /** Model fields from the learner's settings (already checked against `options`); the settings as they are when absent. */
  toModel?: (o: OptionValues) => Record<string, unknown>;
}

export type KindTrait =
  /** The user is answered once it accepts the message; the hops after it run in the background. */
  | 'asynchronous'
  /** Gates admission: at most one per path, before any other asynchronous hop. */
  | 'admissionGate'
  /** Only the horizon level simulates it (the request level would take it for a plain station). */
  | 'horizonOnly'
  /** A cache: a hit may skip the hops after it (`skipOnHit`), so it never does a step itself. */
  | 'cache'
  /** A hop may lock one of its hot rows (`locksRow`). */
  | 'rowLocks'
  /** Its threads wait for the synchronous calls they make: a slow dependency holds them. */
  | 'holdsCaller'
  /** A priced compute instance: its CPU is its size (the default threads), whatever threads are set. */
  | 'sizedInstance'
  /** Grows by its own shards setting, not by instances. */
  | 'scalesByShards'
  /** Its servers are pooled connections, not threads (what "100 % busy" is a share of). */
  | 'connectionPool';

export interface KindModule<K extends ComponentKind = ComponentKind, S extends z.ZodType = z.ZodType, T extends KindSettings = KindSettings> {
  kind: K;
  traits: readonly KindTrait[];
  defaults: KindDefaults;
  settings: T;
  /** null for kinds the designer does not offer (the users; a scenario's fixed third party). */
  palette: PaletteSpec | null;
  schema: S;
  toStation(id: string, index: number, c: z.output<S>): StationPlan;
}

/** Checks a kind's file against KindModule while keeping its own types (its schema, its settings' literal values). */
export function defineKind<K extends ComponentKind, S extends z.ZodType, T extends KindSettings>(kind: KindModule<K, S, T>): KindModule<K, S, T> {
  return kind;
}
