/**
 * The cost models are true to time: every function an expression can call, probed with every kind of
 * number it takes and three sizes of each (test/node/cost-probe.ts), is charged at least one work unit
 * per MAX_MICROS_PER_UNIT microseconds it took. Units are designed as a microsecond at worst, so this
 * leaves room for a busy machine; past it, a model is wrong and a calculation could hold a room longer
 * than its budget says. A function whose probe runs past WATCHDOG_MS has a call its model prices far
 * too low: it fails by name. A point over the limit is measured again (up to three times, the fastest
 * kept), since other work on the machine only ever makes a call slower. Prints the table of model
 * against time, worst point per function.
 */
import { appendFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { Point } from "./cost-probe.ts";

/** Time per unit allowed at the worst point of any function (a unit is meant to be at most 1 µs). */
const MAX_MICROS_PER_UNIT = 3;
/** Below this, one call's time is within a timer's and a scheduler's noise. */
const NOISE_MICROS = 15;
/** A probe of one function measures at most a few dozen calls priced under 0.03 s each. */
const WATCHDOG_MS = 60_000;

const ratio = (p: Point) => p.micros / Math.max(p.units, 1);

/** A worker thread that probes one function at a time, and can be ended mid-call. */
class Prober {
  #worker = this.#start();

  #start(): Worker {
    return new Worker(new URL("./probe-worker.ts", import.meta.url));
  }

  #ask<T>(message: unknown, timeoutMs: number): Promise<T | "timeout"> {
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
      };
      const onMessage = (answer: T) => {
        settle();
        resolve(answer);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const timer = setTimeout(() => {
        settle();
        void worker.terminate();
        this.#worker = this.#start();
        resolve("timeout");
      }, timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage(message);
    });
  }

  async functions(): Promise<string[]> {
    const answer = await this.#ask<{ list: string[] }>({ list: true }, 120_000);
    if (answer === "timeout") throw new Error("listing the functions timed out");
    return answer.list;
  }

  async probe(fn: string): Promise<Point[] | "timeout"> {
    const answer = await this.#ask<{ points: Point[] }>({ fn }, WATCHDOG_MS);
    return answer === "timeout" ? answer : answer.points;
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}

/** Points over the limit are measured again: a busy machine only ever slows a call, so the fastest time counts. */
const RETRIES = 3;

async function probeSettled(prober: Prober, fn: string): Promise<Point[] | "timeout"> {
  let points = await prober.probe(fn);
  for (let retry = 0; retry < RETRIES && points !== "timeout"; retry++) {
    if (!points.some((p) => !p.refused && p.micros >= NOISE_MICROS && ratio(p) > MAX_MICROS_PER_UNIT)) break;
    const again = await prober.probe(fn);
    if (again === "timeout") break;
    const fastest = new Map(again.map((p) => [`${p.family}@${p.size}`, p.micros]));
    points = points.map((p) => ({ ...p, micros: Math.min(p.micros, fastest.get(`${p.family}@${p.size}`) ?? p.micros) }));
  }
  return points;
}

describe("cost models against measured time", () => {
  it("charges every function at least a unit per few microseconds, at every size and kind of number", { timeout: 1_800_000 }, async () => {
    const prober = new Prober();
    const functions = await prober.functions();
    const rows: string[] = [];
    const wrong: string[] = [];
    let measured = 0;
    try {
      for (const fn of functions) {
        const started = performance.now();
        const probed = await probeSettled(prober, fn);
        // COST_PROGRESS=file follows a run function by function (it takes minutes).
        if (process.env.COST_PROGRESS) appendFileSync(process.env.COST_PROGRESS, `${fn} ${Math.round(performance.now() - started)} ms\n`);
        if (probed === "timeout") {
          wrong.push(`${fn}: a probe ran for more than ${WATCHDOG_MS / 1000} s (a call priced under 0.03 s took far longer)`);
          rows.push(`| ${fn} | — | probe timed out | — |`);
          continue;
        }
        const points = probed.filter((p) => !p.refused);
        measured += points.length;
        const timed = points.filter((p) => p.micros >= NOISE_MICROS);
        const worst = [...timed].sort((a, b) => ratio(b) - ratio(a))[0];
        const slowest = [...points].sort((a, b) => b.micros - a.micros)[0];
        rows.push(
          `| ${fn} | ${points.length} | ${worst ? `${worst.family} @ ${worst.size}: ${Math.round(worst.units)} u, ${Math.round(worst.micros)} µs (${ratio(worst).toFixed(2)} µs/u)` : "—"} | ${slowest ? `${slowest.family} @ ${slowest.size}: ${Math.round(slowest.micros)} µs` : "—"} |`,
        );
        for (const p of timed) if (ratio(p) > MAX_MICROS_PER_UNIT) wrong.push(`${fn} ${p.family} @ ${p.size}: ${Math.round(p.units)} units, ${Math.round(p.micros)} µs`);
      }
    } finally {
      await prober.close();
    }
    console.log(`| function | points | worst µs per unit | slowest call measured |\n| --- | ---: | --- | --- |\n${rows.join("\n")}\n${measured} points measured`);
    expect(functions.length).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });
});
