/** `real`: wall time (plus whatever `advance` added); `virtual`: time moves only by `advance`. */
export type ClockMode = "real" | "virtual";

/** The simulator's clock, as exposed on `Simulator.clock`. */
export interface SimulatorClock {
  /** The simulator's current time. */
  now(): Date;
  /**
   * Moves time forward by `ms` and lets automated runs progress up to the new time. In `real` mode
   * this skips ahead of the wall clock (handy to fast-forward a demo).
   */
  advance(ms: number): Promise<void>;
}

/** The clock plus the hooks the simulator uses internally. */
export interface InternalClock extends SimulatorClock {
  nowMs(): number;
  /** Called with the new time after every `advance`. */
  onAdvance(listener: (nowMs: number) => void): void;
}

/**
 * Creates a clock. A virtual clock starts at `startMs` and never moves on its own, so tests are
 * deterministic and never sleep.
 */
export function createClock(mode: ClockMode, startMs: number): InternalClock {
  let offset = mode === "virtual" ? startMs : 0;
  const base = mode === "virtual" ? () => 0 : () => Date.now();
  const listeners: ((nowMs: number) => void)[] = [];
  const nowMs = () => base() + offset;
  return {
    nowMs,
    now: () => new Date(nowMs()),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0)
        return Promise.reject(new RangeError(`clock.advance needs a number of milliseconds >= 0, got ${ms}`));
      offset += ms;
      const now = nowMs();
      for (const listener of listeners) listener(now);
      return Promise.resolve();
    },
    onAdvance(listener) {
      listeners.push(listener);
    },
  };
}
