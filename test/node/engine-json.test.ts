/**
 * The engine's exact numbers are written as MathJSON by this service's linear writer (engine.ts): the
 * engine's own takes time that grows with the square of a number's longest run of zeros. Both must
 * write every number the same way; the engine's own is read before the service replaces it.
 */
import { ComputeEngine } from "@cortex-js/compute-engine";
import { expect, it } from "vitest";
import { casRun, decimalArithmeticTicks, decimalConversionTicks, exactArithmeticTicks, loadCas } from "../../party/tools/cas/engine.ts";
import { TICK_UNITS } from "../../party/tools/cas/caps.ts";
import { Budget } from "../../party/tools/math/budget.ts";
import { testSeed } from "../support/random.ts";

it("exact numbers are written as the engine writes them, without its quadratic trimming of zeros", async () => {
  const seed = testSeed("JSON_SEED", 20261130);
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const integer = () => {
    // Digits with many zeros, inside and at the end: where the engine's trimming differs most.
    let text = String(1 + Math.floor(random() * 9));
    const digits = 1 + Math.floor(random() * 80);
    for (let k = 1; k < digits; k++) text += random() < 0.45 ? "0" : String(Math.floor(random() * 10));
    return BigInt(text) * (random() < 0.5 ? -1n : 1n);
  };
  const values: unknown[] = Array.from({ length: 2000 }, () => {
    const kind = random();
    if (kind < 0.5) return integer();
    if (kind < 0.8) return ["Rational", { num: integer().toString() }, { num: (integer() < 0n ? 3n : 7n * 10n ** BigInt(Math.floor(random() * 30))).toString() }];
    return ["Add", integer(), ["Complex", 0, 3]];
  });
  const engine = new ComputeEngine();
  const write = (v: unknown) => JSON.stringify((typeof v === "bigint" ? engine.number(v) : engine.box(v as never).evaluate()).json);
  const engines = values.map(write);
  await loadCas();
  casRun(new Budget(1e9), "a number", () => 0);
  const ours = values.map(write);
  const differences = values.filter((_, k) => ours[k] !== engines[k]).map((v, k) => `${String(v)}: ${engines[k]} vs ${ours[k]}`);
  expect(differences, `seed ${seed} (JSON_SEED=${seed} replays)`).toEqual([]);
  // 10^58800 + 47^17 took the engine 2.5 s to write; linearly it is a few milliseconds.
  const big = engine.number(10n ** 58800n + 47n ** 17n).json as { num: string };
  expect(big.num).toHaveLength(58801);
  expect(big.num.endsWith(String(47n ** 17n))).toBe(true);
});

it("making a decimal of an exact integer is priced at least at its measured cost", async () => {
  const { BigDecimal } = await import("@cortex-js/compute-engine");
  const rows: string[] = [];
  const under: string[] = [];
  // Trailing zeros are what the engine's decimals divide away one 10⁹ at a time: its worst case.
  for (const [name, value] of [
    ["10^2000", 10n ** 2000n],
    ["10^4620", 10n ** 4620n],
    ["231·10^12000", 231n * 10n ** 12000n],
    ["10^40000", 10n ** 40000n],
    ["7^30000·10^9", 7n ** 30000n * 10n ** 9n],
  ] as const) {
    let micros = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      new BigDecimal(value);
      micros = Math.min(micros, (performance.now() - started) * 1000);
    }
    const charged = decimalConversionTicks(value) * TICK_UNITS;
    rows.push(`${name}: ${Math.round(micros)} µs, charged ${charged} units`);
    if (micros > 15 && micros / charged > 3) under.push(rows.at(-1)!);
  }
  console.log(rows.join("\n"));
  expect(under).toEqual([]);
  // A number with no trailing zeros is made at once, and costs nothing extra.
  expect(decimalConversionTicks(10n ** 40000n + 1n)).toBe(0);
  expect(decimalConversionTicks(2n ** 100000n)).toBe(0);
});

it("arithmetic on the engine's exact fractions is priced at least at its measured cost", async () => {
  const engine = new ComputeEngine();
  const fraction = (n: bigint, d: bigint) => (engine.box(["Rational", { num: n.toString() }, { num: d.toString() }] as never) as unknown as { numericValue: { add(o: unknown): unknown } }).numericValue;
  const rows: string[] = [];
  const under: string[] = [];
  // Fractions of coprime parts: adding them keeps the sum in lowest terms, a gcd of its parts.
  for (const bits of [4096, 8192, 20000, 35000]) {
    const [a, b] = [fraction(3n ** BigInt(Math.round(bits / 1.585)), 2n ** BigInt(bits - 1) + 1n), fraction(7n ** BigInt(Math.round(bits / 2.81)), 5n ** BigInt(Math.round(bits / 2.33)))];
    let micros = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 2; k++) {
      const started = performance.now();
      a.add(b);
      micros = Math.min(micros, (performance.now() - started) * 1000);
    }
    const charged = exactArithmeticTicks([a, b]) * TICK_UNITS;
    rows.push(`two fractions of ${bits} bits: ${Math.round(micros)} µs, charged ${charged} units`);
    if (micros > 15 && micros / charged > 3) under.push(rows.at(-1)!);
  }
  console.log(rows.join("\n"));
  expect(under).toEqual([]);
  // Integers need no gcd: 30,000-bit ones are added in microseconds, and cost nothing extra.
  const integer = fraction(3n ** 19000n, 1n);
  expect(exactArithmeticTicks([integer, integer])).toBe(0);
}, 120_000);

it("arithmetic on the engine's long decimals is priced at least at its measured cost", async () => {
  const { BigDecimal } = await import("@cortex-js/compute-engine");
  const rows: string[] = [];
  const under: string[] = [];
  // Past 50,000 digits after the point the engine's guard refuses a decimal outright (caps.ts), and a
  // quotient carries more than its operands.
  for (const digits of [2000, 10000, 25000, 40000]) {
    const [a, b, three] = [new BigDecimal(`7.${"3".repeat(digits)}`), new BigDecimal(`2.${"9".repeat(digits)}`), new BigDecimal(3)];
    const fresh = (v: unknown) => ({ significand: (v as { significand: bigint }).significand });
    const operations: [string, () => unknown, unknown[]][] = [
      ["mul", () => a.mul(b), [a, b]],
      ["div", () => a.div(three), [a, three]],
      ["add", () => a.add(b), [a, b]],
      // Comparing counts digits, by a power of ten as long as the number, made afresh.
      ["_digitCount", () => ((a as unknown as { _digits?: number })._digits = undefined, a.lt(b)), [fresh(a)]],
    ];
    for (const [name, run, operands] of operations) {
      let micros = Number.POSITIVE_INFINITY;
      // Inside a metered run, as the service calls the engine (the meter's refusals are per run). Its
      // clock is virtual there, driven by the meter's ticks: real time comes from hrtime.
      casRun(new Budget(1e12), "a decimal", () => {
        for (let k = 0; k < 3; k++) {
          const started = process.hrtime.bigint();
          run();
          micros = Math.min(micros, Number(process.hrtime.bigint() - started) / 1000);
        }
      });
      const charged = decimalArithmeticTicks(name, operands) * TICK_UNITS;
      rows.push(`${name} at ${digits} digits: ${Math.round(micros)} µs, charged ${charged} units`);
      if (micros > 15 && micros / Math.max(charged, 1) > 3) under.push(rows.at(-1)!);
    }
  }
  console.log(rows.join("\n"));
  expect(under).toEqual([]);
}, 120_000);
