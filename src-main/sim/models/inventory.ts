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
import { SPECIFIC_DEFAULTS } from '../defaults';
import { fraction, LIMITS, numberIn, oneOf, positive, wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import { ROLE_INVENTORY, type StationPlan } from '../plan';

// Shards take the place of instances here.
const { instances: _instances, ...fields } = commonFields;

export const inventorySchema = z.strictObject({
  kind: kindLiteral('inventory'),
  ...fields,
  stock: wholeNumber(0, 1_000_000_000).optional(),
  update: oneOf(['atomic', 'readThenWrite']).optional(),
  /** readThenWrite only: time between reading the count and writing it back. */
  readWriteGapMs: numberIn(0, 60_000, 'milliseconds').optional(),
  reservationTtlSec: positive(LIMITS.maxDurationSec, 'seconds').optional(),
  abandonRate: fraction.optional(),
  shards: wholeNumber(1, 1000).optional(),
});

export function inventoryStation(id: string, index: number, c: z.output<typeof inventorySchema>): StationPlan {
  const shards = c.shards ?? SPECIFIC_DEFAULTS.inventoryShards.value;
  const station = baseStation('inventory', id, index, { ...c, instances: shards }, undefined);
  const update = c.update ?? SPECIFIC_DEFAULTS.inventoryUpdate.value;
  const gapSec = (c.readWriteGapMs ?? SPECIFIC_DEFAULTS.inventoryReadWriteGapMs.value) / 1000;
  station.role = ROLE_INVENTORY;
  if (update === 'readThenWrite') station.baseLatencySec += gapSec;
  station.inventory = {
    stock: c.stock ?? SPECIFIC_DEFAULTS.inventoryStock.value,
    update,
    gapSec,
    ttlSec: c.reservationTtlSec ?? SPECIFIC_DEFAULTS.inventoryReservationTtlSec.value,
    abandonRate: c.abandonRate ?? SPECIFIC_DEFAULTS.inventoryAbandonRate.value,
    shards,
    paymentDelaySec: SPECIFIC_DEFAULTS.inventoryPaymentDelayMs.value / 1000,
  };
  return station;
}
