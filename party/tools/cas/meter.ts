/**
 * @module Counts the algebra engine's work without a clock, and stops it when it has done enough.
 *
 * Inside workerd the clock does not move while code runs, so the engine's own time limits never fire
 * in production. Every method of the engine object is wrapped once: each call is a tick, and past the
 * run's limit every call throws the engine's own CancellationError (which it lets through). The trip is
 * sticky: a caught cancellation is thrown again at the engine's next step, so it unwinds quickly, and
 * a result that comes back from a tripped run is discarded by the caller.
 *
 * While a run lasts, Date.now and performance.now read a virtual clock driven by the ticks, so the
 * engine's internal time slices (it gives some algorithms a few "milliseconds") end after the same
 * work in Node, in local `wrangler dev` and in production.
 */

/** Virtual microseconds per tick, for the engine's internal time slices. */
const VIRTUAL_MICROSECONDS_PER_TICK = 4;

export class Meter {
  ticks = 0;
  limit = Number.POSITIVE_INFINITY;
  tripped = false;
  /** What one tick of this run is worth in plain ticks (casRun's weight). */
  weight = 1;
  #stop: (() => void) | undefined;
  readonly #cancellation: (message: string) => Error;

  constructor(cancellation: (message: string) => Error) {
    this.#cancellation = cancellation;
  }

  /** Wraps every method the engine object inherits, once. */
  install(engine: object): void {
    const seen = new Set<string>();
    for (let proto = Object.getPrototypeOf(engine); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === "constructor" || seen.has(name)) continue;
        seen.add(name);
        const meter = this;
        wrapMethod(proto, engine, name, (original) => function metered(this: unknown, ...a: unknown[]) {
          if (++meter.ticks > meter.limit) meter.#trip();
          return original.apply(this, a);
        });
      }
    }
  }

  /**
   * Guards a class of the engine's numbers (its decimals, its exact rationals): an operation on a number
   * past `tooLarge` is refused as if the budget were spent. One such operation is a single step the meter
   * cannot see — adding 10^-10000000 to 1 writes out ten million digits, (3/2)^1000000 in lowest terms
   * is a gcd of 1.6 million bits — and the engine reaches them when it samples a function far out
   * ((i + sinh(x))^(1/x) towards -∞ ran for minutes) or expands a series at a point (a^(x²) at 1000: 214 s).
   */
  guardNumbers(proto: object, tooLarge: (method: string, self: unknown, args: unknown[]) => boolean): void {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || name.startsWith("_")) continue;
      const meter = this;
      wrapMethod(proto, proto, name, (original) => function guarded(this: unknown, ...a: unknown[]) {
        if (tooLarge(name, this, a)) meter.#refuse();
        return original.apply(this, a);
      });
    }
  }

  /**
   * Prices a method by its arguments: each call adds `ticksOf` plain ticks to the run (fewer when the
   * run's ticks are weighed heavier), for a step whose cost depends on the size of what it is given, and
   * trips the run when that spends it.
   */
  price(proto: object, target: object, name: string, ticksOf: (self: unknown, args: unknown[]) => number): void {
    const meter = this;
    wrapMethod(proto, target, name, (original) => function priced(this: unknown, ...a: unknown[]) {
      meter.ticks += ticksOf(this, a) / meter.weight;
      if (meter.ticks > meter.limit) meter.#trip();
      return original.apply(this, a);
    });
  }

  #refuse(): never {
    // Sticky, like a spent budget: the engine's next step throws again if it caught this one.
    this.limit = Math.min(this.limit, this.ticks);
    this.tripped = true;
    throw this.#cancellation("a number in the algebra engine's work grew past what a shared room computes");
  }

  #trip(): never {
    this.tripped = true;
    throw this.#cancellation("the algebra engine's work budget is spent");
  }

  /** Starts a run of at most `limit` ticks, each worth `weight` plain ones, with the virtual clock. */
  start(limit: number, weight = 1): void {
    this.ticks = 0;
    this.limit = limit;
    this.weight = weight;
    this.tripped = false;
    this.#stop = virtualClock(() => this.ticks);
  }

  /** Ends the run: the engine runs unmetered again (its own clean-up must not trip). */
  stop(): number {
    this.limit = Number.POSITIVE_INFINITY;
    this.#stop?.();
    this.#stop = undefined;
    return this.ticks;
  }
}

type Method = (...a: unknown[]) => unknown;

/** Defines on `target` a wrapper of the method `name` of `proto` (nothing when it is not a method). */
function wrapMethod(proto: object, target: object, name: string, wrap: (original: Method) => Method): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
  if (typeof descriptor.value !== "function") return;
  Object.defineProperty(target, name, { configurable: true, writable: true, value: wrap(descriptor.value as Method) });
}

/** Replaces the clocks with one that advances with the ticks; answers the function that restores them. */
function virtualClock(ticks: () => number): () => void {
  const date = Date.now;
  const perf = globalThis.performance;
  const perfNow = perf?.now;
  const origin = date();
  const elapsed = () => (ticks() * VIRTUAL_MICROSECONDS_PER_TICK) / 1000;
  Date.now = () => origin + Math.floor(elapsed());
  let perfPatched = false;
  const own = perf ? Object.getOwnPropertyDescriptor(perf, "now") : undefined;
  try {
    if (perf && perfNow) {
      const start = perfNow.call(perf);
      Object.defineProperty(perf, "now", { configurable: true, writable: true, value: () => start + elapsed() });
      perfPatched = true;
    }
  } catch {
    // A runtime whose performance object is frozen keeps its clock; Date.now is the one the engine reads most.
  }
  return () => {
    Date.now = date;
    if (!perfPatched) return;
    if (own) Object.defineProperty(perf, "now", own);
    else delete (perf as unknown as Record<string, unknown>).now;
  };
}
