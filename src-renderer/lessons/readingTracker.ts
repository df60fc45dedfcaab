// Measures reading for recordProgress: where the learner is (0..1) and how many seconds of
// visible, active reading happened since the last report. Reports at most every `intervalMs`
// while scrolling, once when the end is reached, and once more on leave.
export interface ReadingReport {
  event: 'position' | 'completed';
  position: number;
  secondsSpent: number;
}

export interface ReadingTrackerOptions {
  intervalMs?: number;
  /** Without scrolling, keys or pointer movement for this long, the learner is not reading. */
  idleMs?: number;
}

const maxSecondsPerReport = 3600;

export class ReadingTracker {
  #send: (report: ReadingReport) => void;
  #intervalMs: number;
  #idleMs: number;
  #position = 0;
  #seconds = 0;
  #moved = false;
  #completed = false;
  #lastActive = Date.now();
  #lastTick = Date.now();
  #lastSent = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #pending: ReturnType<typeof setTimeout> | undefined;

  constructor(send: (report: ReadingReport) => void, options: ReadingTrackerOptions = {}) {
    this.#send = send;
    this.#intervalMs = options.intervalMs ?? 5000;
    this.#idleMs = options.idleMs ?? 60_000;
  }

  start(initialPosition: number): void {
    this.#position = initialPosition;
    this.#lastTick = Date.now();
    this.#ticker = setInterval(() => this.#tick(), 1000);
  }

  /** The learner did something: reading time keeps counting. */
  activity(): void {
    this.#lastActive = Date.now();
  }

  moveTo(position: number): void {
    const clamped = Math.min(1, Math.max(0, position));
    if (Math.abs(clamped - this.#position) < 0.001) return;
    this.#position = clamped;
    this.#moved = true;
    this.activity();
    this.#schedule();
  }

  complete(): void {
    if (this.#completed) return;
    this.#completed = true;
    this.#report('completed');
  }

  /** Sends what is unreported now; for leaving the lesson or hiding the window. */
  flush(): void {
    this.#tick();
    if (this.#moved || this.#seconds >= 1) this.#report('position');
  }

  stop(): void {
    clearInterval(this.#ticker);
    clearTimeout(this.#pending);
    this.flush();
  }

  #tick(): void {
    const now = Date.now();
    const elapsed = (now - this.#lastTick) / 1000;
    this.#lastTick = now;
    const reading = document.visibilityState === 'visible' && now - this.#lastActive < this.#idleMs;
    // A long gap (sleep, a stalled timer) is not reading time.
    if (reading) this.#seconds += Math.min(elapsed, 5);
  }

  #schedule(): void {
    if (this.#pending !== undefined) return;
    const wait = Math.max(0, this.#lastSent + this.#intervalMs - Date.now());
    this.#pending = setTimeout(() => {
      this.#pending = undefined;
      this.flush();
    }, wait);
  }

  #report(event: ReadingReport['event']): void {
    this.#tick();
    const secondsSpent = Math.min(maxSecondsPerReport, Math.round(this.#seconds * 10) / 10);
    this.#seconds = 0;
    this.#moved = false;
    this.#lastSent = Date.now();
    this.#send({ event, position: this.#position, secondsSpent });
  }
}
