/**
 * Inventory stations at the horizon level: one seeded stock counter per
 * station, fed each step with the reservation attempts that reached it. Its
 * sold-out share routes the next step's flow (sold-out answers skip the rest
 * of the path, like a cache hit): a lag of one step, a second or so.
 * The only randomness of a horizon run: one stream per inventory station.
 */
import { RandomStream } from '../engine/rng';
import { StockCounter, type StockFigures } from '../inventory/stockCounter';
import type { Plan } from '../plan';

export class InventoryStations {
  private readonly counters: (StockCounter | null)[];
  /** Per station, this step: reserved flow leaving it, and the part that fails further on. */
  private readonly reservedFlow: Float64Array;
  private readonly failingFlow: Float64Array;

  constructor(plan: Plan, seed: number) {
    this.counters = plan.stations.map((s) => (s.inventory ? new StockCounter(s.inventory, new RandomStream(seed, `inventory:${s.id}`)) : null));
    this.reservedFlow = new Float64Array(plan.stations.length);
    this.failingFlow = new Float64Array(plan.stations.length);
  }

  reset(): void {
    this.reservedFlow.fill(0);
    this.failingFlow.fill(0);
  }

  /** Reservations continuing from the station per second, and the share of them whose later hops fail (their payment). */
  noteReserved(station: number, perSec: number, failShare: number): void {
    this.reservedFlow[station]! += perSec;
    this.failingFlow[station]! += perSec * failShare;
  }

  /**
   * Runs the counter for this step's attempts; returns the sold-out share to
   * route the next step by (everyone once the counter is empty).
   */
  step(station: number, attemptsPerSec: number, dtSec: number): number {
    const counter = this.counters[station]!;
    const r = this.reservedFlow[station]!;
    const share = counter.step(attemptsPerSec, dtSec, r > 0 ? this.failingFlow[station]! / r : 0);
    if (counter.exhausted) return 1;
    return Number.isNaN(share) ? 0 : share;
  }

  figures(station: number): StockFigures | null {
    return this.counters[station]?.figures() ?? null;
  }
}
