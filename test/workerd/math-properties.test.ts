/**
 * Property tests (fast-check): exact fraction sums and decimal sums against BigInt arithmetic done here,
 * derivatives against complex-step derivatives, roots and linear solutions substituted back, exact rounding,
 * and random heavy expressions that must always come back (answered or refused).
 */
import fc from "fast-check";
import { complex, evaluate } from "mathjs";
import type { Complex } from "mathjs";
import { describe, expect, it } from "vitest";
import { bitLength, decompose, ratioToDouble, sqrtRatioToDouble } from "../../party/tools/math/exact-float.ts";
import { compileNumeric } from "../../party/tools/cas/evaluate-numeric.ts";
import { numericVerdict } from "../../party/tools/cas/limit.ts";
import { ownDerivative } from "../../party/tools/cas/own-derivative.ts";
import { Poly } from "../../party/tools/cas/poly.ts";
import { Rational } from "../../party/tools/math/rational.ts";
import { failure, loadMathFirst, mathRoom, ok } from "./math-harness.ts";

loadMathFirst();

/** Each property makes dozens of calls; on a busy machine that takes longer than vitest's default 5 s. */
const PROPERTY_TIMEOUT = 60_000;

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const fractionText = (n: bigint, d: bigint) => {
  const g = gcd(n, d) || 1n;
  const [p, q] = d / g < 0n ? [-n / g, -d / g] : [n / g, d / g];
  return q === 1n ? String(p) : `${p}/${q}`;
};

/** A decimal text as "digits e exponent" with no trailing zeros: one form per number. */
function canonical(text: string): string {
  const [, sign, whole, fraction = "", exponent = "0"] = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(text)!;
  let digits = `${whole}${fraction}`.replace(/^0+/, "");
  let power = Number(exponent) - fraction.length;
  while (digits.endsWith("0")) [digits, power] = [digits.slice(0, -1), power + 1];
  return digits === "" ? "0" : `${sign}${digits}e${power}`;
}

describe("exact arithmetic", () => {
  it("sums fractions exactly in fraction mode", async () => {
    const fraction = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fraction, { minLength: 1, maxLength: 12 }), async (terms) => {
        let [n, d] = [0n, 1n];
        for (const [p, q] of terms) [n, d] = [n * BigInt(q) + BigInt(p) * d, d * BigInt(q)];
        const expression = terms.map(([p, q]) => `(${p}/${q})`).join(" + ");
        expect(ok(await mathRoom().call("evaluate", { expression, mode: "fraction" })).value).toBe(fractionText(n, d));
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT);

  it("adds decimals exactly in bignumber mode", async () => {
    const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }));
    await fc.assert(
      fc.asyncProperty(decimal, decimal, async ([a, i], [b, j]) => {
        const text = (n: bigint, k: number) => {
          const digits = (n < 0n ? -n : n).toString().padStart(k + 1, "0");
          return `${n < 0n ? "-" : ""}${digits.slice(0, digits.length - k)}${k ? `.${digits.slice(digits.length - k)}` : ""}`;
        };
        const k = Math.max(i, j);
        const sum = a * 10n ** BigInt(k - i) + b * 10n ** BigInt(k - j);
        const result = ok(await mathRoom().call("evaluate", { expression: `${text(a, i)} + (${text(b, j)})`, mode: "bignumber" }));
        // The same number may be written 0.0000001 or 1e-7: compare digits and exponent.
        expect(canonical(result.value)).toBe(canonical(text(sum, k)));
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT);

  it("rounds ratios and square roots of ratios exactly once", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const { mantissa, exponent } = decompose(x);
        const [n, d] = exponent >= 0 ? [mantissa << BigInt(exponent), 1n] : [mantissa, 1n << BigInt(-exponent)];
        expect(ratioToDouble(n, d)).toBe(x === 0 ? 0 : x);
        if (Math.abs(x) < 1e150 && Math.abs(x) > 1e-150) expect(sqrtRatioToDouble(n * n, d * d)).toBe(Math.abs(x));
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);

  it("counts the bits of an integer exactly, from its hexadecimal digits", () => {
    const integer = fc.oneof(fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }), fc.bigInt({ min: -(1n << 5000n), max: 1n << 5000n }));
    fc.assert(
      fc.property(integer, (n) => {
        expect(bitLength(n)).toBe(n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length);
      }),
      { numRuns: 500 },
    );
    for (let k = 0n; k < 70n; k++) expect([bitLength(1n << k), bitLength((1n << k) - 1n), bitLength(-(1n << k))]).toEqual([Number(k) + 1, Number(k), Number(k) + 1]);
  });
});

describe("our own derivative rules", () => {
  type J = import("../../party/tools/cas/mathjson.ts").Json;
  const tree: fc.Arbitrary<J> = fc.letrec<{ node: J }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant<J>("x"),
      fc.integer({ min: -5, max: 9 }).map((n): J => n),
      fc.tuple(tie("node"), tie("node")).map(([a, b]): J => ["Add", a, b]),
      fc.tuple(tie("node"), tie("node")).map(([a, b]): J => ["Subtract", a, b]),
      fc.tuple(tie("node"), tie("node"), tie("node")).map(([a, b, c]): J => ["Multiply", a, b, c]),
      fc.tuple(tie("node"), tie("node")).map(([a, b]): J => ["Divide", a, ["Add", 3, ["Power", b, 2]]]),
      fc.tuple(tie("node"), fc.constantFrom<J>(2, 3, -1, ["Rational", 1, 3], ["Rational", -5, 2])).map(([a, k]): J => ["Power", ["Add", 2, ["Power", a, 2]], k]),
      fc.tuple(tie("node"), tie("node")).map(([a, b]): J => ["Power", ["Add", 2, ["Power", a, 2]], ["Divide", b, 7]]),
      tie("node").map((a): J => ["Root", ["Add", 1, ["Power", a, 2]], 3]),
      fc.tuple(fc.constantFrom("Sin", "Cos", "Arctan", "Sinh", "Arsinh", "Erf", "Abs", "Negate", "Tanh"), tie("node")).map(([f, a]): J => [f, a]),
      tie("node").map((a): J => ["Exp", ["Divide", a, 10]]),
      tie("node").map((a): J => ["Ln", ["Add", 2, ["Power", a, 2]]]),
      tie("node").map((a): J => ["Log", ["Add", 2, ["Power", a, 2]], 2]),
      tie("node").map((a): J => ["Sqrt", ["Add", 1, ["Power", a, 2]]]),
    ),
  })).node;
  it("agree with difference quotients at random points", () => {
    fc.assert(
      fc.property(tree, fc.double({ min: -3, max: 3, noNaN: true }), (expression, x) => {
        const derivative = ownDerivative(expression, "x");
        expect(derivative).toBeDefined();
        const f = compileNumeric(expression);
        const at = (t: number) => f(new Map([["x", { re: t, im: 0 }]])).re;
        const h = 1e-5;
        const numeric = (at(x + h) - at(x - h)) / (2 * h);
        const exact = compileNumeric(derivative!)(new Map([["x", { re: x, im: 0 }]])).re;
        // Near a kink (|u| at 0) or where values are huge, a quotient says nothing.
        fc.pre(Number.isFinite(numeric) && Number.isFinite(exact) && Math.abs(numeric) < 1e6);
        const [right, left] = [(at(x + h) - at(x)) / h, (at(x) - at(x - h)) / h];
        fc.pre(Math.abs(right - left) < 1e-3 * Math.max(1, Math.abs(numeric)));
        expect(Math.abs(exact - numeric)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(numeric)));
      }),
      // A fixed seed: a red run always means a change broke something (the Node tests' CI convention).
      { numRuns: 400, seed: 20261130 },
    );
  });
  it("answer undefined for a function without a rule", () => {
    expect(ownDerivative(["Add", "x", ["Gamma", "x"]], "x")).toBeUndefined();
    expect(ownDerivative(["Add", "y", ["Gamma", "y"]], "x")).toBe(0);
  });
});

describe("the numeric check of a limit", () => {
  const towardsInfinity = Array.from({ length: 34 }, (_, k) => 2 ** (k + 1));
  const towards = (x0: number, side: 1 | -1) => Array.from({ length: 30 }, (_, k) => x0 + side * Math.max(1, Math.abs(x0)) * 2 ** -(k + 3));
  it("says agree for right limits and disagree for wrong ones, however the values get there", () => {
    const cases: [string, (x: number) => number, number[], number, string][] = [
      ["1/x at ∞", (x) => 1 / x, towardsInfinity, 0, "agree"],
      ["1/x at ∞", (x) => 1 / x, towardsInfinity, 5, "disagree"],
      ["(1 + 1/x)^x at ∞", (x) => (1 + 1 / x) ** x, towardsInfinity, Math.E, "agree"],
      ["(1 + 1/x)^x at ∞", (x) => (1 + 1 / x) ** x, towardsInfinity, 3, "disagree"],
      ["sin(x)/x at 0⁺", (x) => Math.sin(x) / x, towards(0, 1), 1, "agree"],
      ["sin(x)/x at 0⁻", (x) => Math.sin(x) / x, towards(0, -1), 0.5, "disagree"],
      // Far below the limit before climbing to it: not settled elsewhere.
      ["x^(3200/3) at 1⁻", (x) => x ** (3200 / 3), towards(1, -1), 1, "agree"],
      ["e^(90x) at 1⁻", (x) => Math.exp(90 * x), towards(1, -1), Math.exp(90), "agree"],
      ["1 + (x − 1)² at 1⁻", (x) => 1 + (x - 1) ** 2, towards(1, -1), 3, "disagree"],
      ["1 + (x − 1)² at 1⁻", (x) => 1 + (x - 1) ** 2, towards(1, -1), 1, "agree"],
    ];
    const wrong = cases.filter(([, f, points, claimed, verdict]) => numericVerdict(f, points, claimed) !== verdict).map(([name, , , claimed, verdict]) => `${name} = ${claimed}: expected ${verdict}`);
    expect(wrong).toEqual([]);
  });
});

describe("polynomial products", () => {
  const rational = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.oneof(fc.constant(1n), fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 1n, max: 10n ** 20n })));
  const poly = fc.array(fc.tuple(fc.nat(6), fc.nat(6), rational), { minLength: 1, maxLength: 14 }).map((terms) => {
    let p = new Poly(2);
    for (const [i, j, [n, d]] of terms) p = p.add(new Poly(2, new Map([[`${i},${j}`, new Rational(n, d)]])));
    return p;
  });
  it("multiplies as the schoolbook product does, over common denominators or not", () => {
    fc.assert(
      fc.property(poly, poly, (p, q) => {
        const expected = new Map<string, Rational>();
        for (const [ka, ca] of p.terms) for (const [kb, cb] of q.terms) {
          const [a, b] = [ka.split(",").map(Number), kb.split(",").map(Number)];
          const k = `${a[0]! + b[0]!},${a[1]! + b[1]!}`;
          expected.set(k, (expected.get(k) ?? Rational.ZERO).add(ca.mul(cb)));
        }
        for (const [k, c] of expected) if (c.isZero()) expected.delete(k);
        const product = p.mul(q);
        expect(product.equals(new Poly(2, expected))).toBe(true);
        expect(q.mul(p).equals(product)).toBe(true);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

/** A random differentiable expression in x. */
const expressionTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant("x"),
    fc.integer({ min: 1, max: 9 }).map(String),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(${a} + ${b})`),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => `(${a} * ${b})`),
    fc.tuple(tie("node"), fc.integer({ min: 2, max: 4 })).map(([a, k]) => `(${a})^${k}`),
    tie("node").map((a) => `sin(${a})`),
    tie("node").map((a) => `cos(${a})`),
    tie("node").map((a) => `exp(${a} / 10)`),
  ),
})).node;

describe("derivative", () => {
  it("agrees with the complex-step derivative", async () => {
    await fc.assert(
      fc.asyncProperty(expressionTree, fc.double({ min: -2, max: 2, noNaN: true }), async (f, x) => {
        const result = await mathRoom().call("derivative", { expression: f, variable: "x" });
        if (result.isError) return; // too large to differentiate (bounded): not a wrong answer
        const derivative = evaluate(ok(result).value, { x }) as number;
        // The complex-step derivative: f(x + ih) = f(x) + ih·f'(x) + O(h²) for analytic f, with no cancellation
        // (mathjs's complex powers go through the polar form, so h is not made tinier than this).
        const h = 1e-8;
        const numeric = complex(evaluate(f, { x: complex(x, h) }) as Complex).im / h;
        expect(Math.abs(derivative - numeric)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT);
});

describe("solve", () => {
  const polynomialText = (coefficients: number[]) => coefficients.map((c, i) => `(${c}) * x^${i}`).join(" + ");

  it("finds as many roots as the degree, and each makes the polynomial vanish", async () => {
    const coefficients = fc
      .array(fc.integer({ min: -20, max: 20 }), { minLength: 2, maxLength: 5 })
      .filter((c) => c[c.length - 1] !== 0);
    await fc.assert(
      fc.asyncProperty(coefficients, async (c) => {
        const result = ok(await mathRoom().call("solve", { equation: polynomialText(c), variable: "x" }));
        const roots = result.roots as { value: string; multiplicity: number }[];
        expect(roots.reduce((n, r) => n + r.multiplicity, 0)).toBe(c.length - 1);
        const scale = c.reduce((s, k) => s + Math.abs(k), 0);
        for (const root of roots) {
          const z = complex(evaluate(root.value) as Complex | number);
          // Horner's rule in complex arithmetic: p(z) = (…(cₙ·z + cₙ₋₁)·z + …) + c₀.
          let [re, im] = [0, 0];
          for (let i = c.length - 1; i >= 0; i--) [re, im] = [re * z.re - im * z.im + c[i]!, re * z.im + im * z.re];
          const size = Math.max(1, Math.hypot(z.re, z.im) ** (c.length - 1));
          expect(Math.hypot(re, im)).toBeLessThanOrEqual(1e-7 * scale * size);
        }
      }),
      { numRuns: 80 },
    );
  }, PROPERTY_TIMEOUT);

  it("solves random linear systems exactly", async () => {
    const row = fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 4, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 3, maxLength: 3 }), async (rows) => {
        const names = ["x", "y", "z"];
        const equations = rows.map((r) => `${r[0]}*x + ${r[1]}*y + ${r[2]}*z = ${r[3]}`);
        const result = ok(await mathRoom().call("solve", { equation: equations, variable: names }));
        if (result.type !== "solution" || Object.values(result.solution as object).some((v) => /[xyz]/.test(String(v)))) return;
        const values = names.map((n) => (result.solution as Record<string, string>)[n]!.split("/").map(BigInt));
        for (const r of rows) {
          // Σ aᵢ·pᵢ/qᵢ = b, checked with integers: multiply through by the product of the denominators.
          const common = values.reduce((p, [, q = 1n]) => p * q, 1n);
          const left = values.reduce((s, [p, q = 1n], i) => s + BigInt(r[i]!) * p! * (common / q), 0n);
          expect(left).toBe(BigInt(r[3]!) * common);
        }
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT);
});

describe("statistics", () => {
  it("gives the same spread to integer data shifted by a constant, as only exact arithmetic can", async () => {
    const data = fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 50 });
    await fc.assert(
      fc.asyncProperty(data, fc.integer({ min: -1e9, max: 1e9 }), async (values, shift) => {
        const room = mathRoom();
        const a = ok(await room.call("statistics", { operation: "variance", data: values }));
        const b = ok(await room.call("statistics", { operation: "variance", data: values.map((v) => v + shift) }));
        expect(b.value).toBe(a.value);
      }),
      { numRuns: 50 },
    );
  }, PROPERTY_TIMEOUT);
});

describe("hostile expressions at random", () => {
  const big = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1e3, max: 1e9 }), fc.constantFrom(1e12, 1e15, 2 ** 53));
  const template = fc.oneof(
    fc.tuple(big, big).map(([a, b]) => `zeros(${a}, ${b})`),
    fc.tuple(big, big).map(([a, b]) => `ones(${a}, ${b}) * ones(${b}, ${a})`),
    big.map((a) => `factorial(${a})`),
    fc.tuple(big, big, big).map(([a, b, c]) => `${a}^${b}^${c}`),
    fc.tuple(big, big).map(([a, b]) => `range(${a}, ${a + b})`),
    fc.tuple(big, big).map(([a, b]) => `combinations(${a + b}, ${b})`),
    fc.tuple(big, big).map(([a, b]) => `sum(${a}:${a + b})`),
    big.map((a) => `f(n) = n <= 0 ? 0 : f(n - 1) + 1; f(${a})`),
    fc.tuple(big, big).map(([a, b]) => `kron(ones(${a}, ${a}), ones(${b}, ${b}))`),
    fc.tuple(big, big).map(([a, b]) => `ones(${a}, 1) .* ones(1, ${b})`),
    fc.tuple(big, big).map(([a, b]) => `resize([1], [${a}, ${b}])`),
    fc.tuple(big, big).map(([a, b]) => `(${a}/7)^${b}`),
    fc.tuple(big, big).map(([a, b]) => `bigint(${a})^bigint(${b})`),
    fc.tuple(big, big).map(([a, b]) => `permutations(${a}, ${b})`),
    fc.tuple(big, big).map(([a, b]) => `nthRoots(${a}, ${b})`),
    big.map((a) => `isPrime(${a}) or setPowerset(1:${a % 40}) == 0`),
  );

  it("answers or refuses every one, and the room keeps serving", async () => {
    await fc.assert(
      fc.asyncProperty(template, fc.constantFrom("number", "bignumber", "fraction"), async (expression, mode) => {
        const room = mathRoom();
        const result = await room.call("evaluate", { expression, mode });
        if (result.isError) expect(failure(result)).not.toMatch(/unexpectedly|at .*\.(ts|js):\d+/);
        expect(ok(await room.call("evaluate", { expression: "1 + 1" })).value).toBe("2");
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT);
});
