/**
 * Inventory: a stock counter in memory (e.g. a Redis key). Each visit tries
 * to reserve one unit (inventory/stockCounter.ts); when none is left the
 * request is answered "sold out" (a normal answer, not an error) and the rest
 * of its path is skipped. `shards` splits the stock across keys: each key is
 * one single-threaded server (10K reservations/s by default), so shards are
 * this component's instances (and its cost). With readThenWrite the visit
 * also takes the read-write gap (a delay that holds no server: nothing
 * serialises the buyers, which is the bug).
 */
import { z } from 'zod';
import { fraction, LIMITS, numberIn, oneOf, positive, wholeNumber } from '../fields';
import { ROLE_INVENTORY, type StationPlan } from '../plan';
import { baseStation, commonFields, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS, SCENARIOS_FLASH_SALE, SYLLABUS_CACHING } from './sources';

// Shards take the place of instances here.
const { instances: _instances, ...fields } = commonFields;

const settings = {
  inventoryStock: { value: 10_000, source: 'assumption: units on sale' },
  inventoryUpdate: { value: 'atomic', source: `an atomic in-memory decrement is the reference design (${SCENARIOS_FLASH_SALE})` },
  inventoryReadWriteGapMs: {
    value: 60,
    source: `a database SELECT ... FOR UPDATE + UPDATE + COMMIT takes 50-100 ms under contention (${SCENARIOS_FLASH_SALE}); a read-modify-write without the lock spans the same round trips`,
  },
  inventoryReservationTtlSec: { value: 300, source: `a reservation expires after 5 minutes unpaid (${SCENARIOS_FLASH_SALE})` },
  inventoryAbandonRate: { value: 0.1, source: 'assumption: one reservation in ten is never paid' },
  inventoryShards: { value: 1, source: 'assumption: one counter key unless sharded' },
  inventoryPaymentDelayMs: { value: 350, source: `a payment call takes 200-500 ms (${SCENARIOS_FLASH_SALE}); a failed one returns its unit then` },
} as const;

export const inventory = defineKind({
  kind: 'inventory',
  traits: ['horizonOnly', 'scalesByShards'],
  defaults: {
    serviceTime: {
      value: { distribution: 'deterministic', meanMs: 0.1 },
      source: `one counter key is a hot key beyond ~10K reservations/s (${SCENARIOS_FLASH_SALE}): 0.1 ms per reservation on its single thread`,
    },
    baseLatencyMs: { value: 0.9, source: `a Redis call takes ~1 ms end to end (${SYLLABUS_CACHING})` },
    concurrency: { value: 1, source: 'Redis executes commands on a single thread per shard' },
    costPerInstancePerMonth: { value: 50, source: 'assumption: one small managed Redis node per shard' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Stock counter',
    purpose: 'Counts the units left, in memory, and hands out reservations.',
    maxInstances: 1,
    options: [
      {
        key: 'update',
        label: 'Update',
        help: 'Atomic: one indivisible decrement. Read-then-write: read, check, write back (two buyers can read the same count).',
        type: 'choice',
        choices: [
          { value: 'atomic', label: 'Atomic decrement' },
          { value: 'readThenWrite', label: 'Read, then write' },
        ],
        default: settings.inventoryUpdate.value,
      },
      { key: 'shards', label: 'Shards', help: 'Stock split over this many keys, so no single key is hot.', type: 'number', unit: 'keys', min: 1, max: 64, step: 1, default: settings.inventoryShards.value },
    ],
  },
  schema: z.strictObject({
    kind: kindLiteral('inventory'),
    ...fields,
    stock: wholeNumber(0, 1_000_000_000).optional(),
    update: oneOf(['atomic', 'readThenWrite']).optional(),
    /** readThenWrite only: time between reading the count and writing it back. */
    readWriteGapMs: numberIn(0, 60_000, 'milliseconds').optional(),
    reservationTtlSec: positive(LIMITS.maxDurationSec, 'seconds').optional(),
    abandonRate: fraction.optional(),
    shards: wholeNumber(1, 1000).optional(),
  }),
  toStation(id, index, c): StationPlan {
    const shards = c.shards ?? settings.inventoryShards.value;
    const station = baseStation(inventory, id, index, { ...c, instances: shards }, undefined);
    const update = c.update ?? settings.inventoryUpdate.value;
    const gapSec = (c.readWriteGapMs ?? settings.inventoryReadWriteGapMs.value) / 1000;
    station.role = ROLE_INVENTORY;
    if (update === 'readThenWrite') station.baseLatencySec += gapSec;
    station.inventory = {
      stock: c.stock ?? settings.inventoryStock.value,
      update,
      gapSec,
      ttlSec: c.reservationTtlSec ?? settings.inventoryReservationTtlSec.value,
      abandonRate: c.abandonRate ?? settings.inventoryAbandonRate.value,
      shards,
      paymentDelaySec: settings.inventoryPaymentDelayMs.value / 1000,
    };
    return station;
  },
});
