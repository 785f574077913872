/**
 * Every algebra operation on its worst inputs (cas-bombs.ts), in Node where time is real: each call is
 * answered or refused with a sentence, never fails unexpectedly, and never holds the room for 2 seconds.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadMath } from "../../party/tools/math/instances.ts";
import { loadCas } from "../../party/tools/cas/engine.ts";
import { BOMBS } from "./cas-bombs.ts";
import { nodeRoom } from "./harness.ts";

/**
 * The bound of issue 11: no call holds a room longer, whatever its input. What is measured is the CPU time
 * the call takes (the room's thread is busy for that long); the wall clock is printed beside it, but other
 * tests and other processes on this machine stretch it.
 */
const BOUND_MS = 2000;

beforeAll(async () => {
  await Promise.all([loadMath(), loadCas()]);
  await nodeRoom().call("simplify", { expression: "x" });
}, 60_000);

describe("the algebra engine's worst inputs answer or refuse within the bound", () => {
  const times: [string, number, string][] = [];

  it.each(BOMBS.map(([tool, args]) => [`${tool} ${JSON.stringify(args).slice(0, 90)}`, tool, args] as const))("%s", async (_label, tool, args) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await nodeRoom().call(tool, args);
    const used = process.cpuUsage(cpu);
    const elapsed = (used.user + used.system) / 1000;
    const wall = performance.now() - started;
    const text = (result.content[0] as { text: string }).text;
    times.push([`${tool} ${JSON.stringify(args).slice(0, 70)} (wall ${wall.toFixed(0)} ms)`, elapsed, result.isError ? `refused: ${text.slice(0, 80)}` : "answered"]);
    expect(text).not.toMatch(/failed unexpectedly/);
    expect(elapsed).toBeLessThan(BOUND_MS);
  });

  it("reports the times", () => {
    const worst = [...times].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(worst.map(([label, ms, how]) => `${ms.toFixed(0).padStart(6)} ms CPU  ${label}  (${how})`).join("\n"));
  });
});
