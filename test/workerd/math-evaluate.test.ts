/**
 * evaluate and variables: the three number modes, how results are written, and room variables.
 */
import { describe, expect, it } from "vitest";
import { failure, loadMathFirst, mathRoom, ok } from "./math-harness.ts";

loadMathFirst();

const evaluate = (room: ReturnType<typeof mathRoom>, expression: string, extra: Record<string, unknown> = {}) =>
  room.call("evaluate", { expression, ...extra });

describe("evaluate: modes", () => {
  it("number mode is ordinary double precision", async () => {
    const room = mathRoom();
    expect(ok(await evaluate(room, "0.1 + 0.2"))).toMatchObject({ value: "0.30000000000000004", type: "number", mode: "number" });
    expect(ok(await evaluate(room, "sqrt(3^2 + 4^2)")).value).toBe("5");
    expect(ok(await evaluate(room, "pi", { precision: 5 })).value).toBe("3.1416");
  });

  it("bignumber mode answers decimals to the precision, 0.1 + 0.2 exactly 0.3", async () => {
    const room = mathRoom();
    expect(ok(await evaluate(room, "0.1 + 0.2", { mode: "bignumber" }))).toMatchObject({ value: "0.3", type: "bignumber" });
    expect(ok(await evaluate(room, "1/3", { mode: "bignumber" })).value).toBe(`0.${"3".repeat(64)}`);
    expect(ok(await evaluate(room, "1/7", { mode: "bignumber", precision: 10 })).value).toBe("0.1428571429");
  });

  it("bignumber mode writes an exact integer in full while it fits the precision", async () => {
    const room = mathRoom();
    const full = ok(await evaluate(room, "2^200", { mode: "bignumber" }));
    expect(full.value).toBe((2n ** 200n).toString());
    expect(ok(await evaluate(room, "factorial(30)", { mode: "bignumber" })).value).toBe("265252859812191058636308480000000");
    const rounded = ok(await evaluate(room, "2^300", { mode: "bignumber" })).value;
    expect(rounded).toMatch(/^2\.0370359763344860862684456884093781610514683936659362506361404\d*e\+90$/);
  });

  it("fraction mode answers exact rationals a/b with a decimal approximation", async () => {
    const room = mathRoom();
    expect(ok(await evaluate(room, "1/3 + 1/6", { mode: "fraction" }))).toMatchObject({
      value: "1/2",
      type: "fraction",
      latex: "\\frac{1}{2}",
      approximation: "0.5",
    });
    expect(ok(await evaluate(room, "0.1 + 0.2", { mode: "fraction" })).value).toBe("3/10");
    expect(ok(await evaluate(room, "det([1/2, 1/3; 1/4, 1/5])", { mode: "fraction" })).value).toBe("1/60");
    expect(failure(await evaluate(room, "sqrt(2)", { mode: "fraction" }))).toMatch(/no exact fraction result.*mode "number"/);
  });

  it("matrices, complex numbers and units", async () => {
    const room = mathRoom();
    expect(ok(await evaluate(room, "[1, 2; 3, 4] * [1; 1]"))).toMatchObject({ value: "[[3], [7]]", type: "matrix" });
    expect(ok(await evaluate(room, "sqrt(-4)"))).toMatchObject({ value: "2i", type: "complex" });
    expect(ok(await evaluate(room, "2 inch to cm"))).toMatchObject({ value: "5.08 cm", type: "unit" });
  });

  it("refuses results that are not finite, and precision that does not apply", async () => {
    const room = mathRoom();
    expect(failure(await evaluate(room, "1/0"))).toMatch(/^evaluate: the result is infinity/);
    expect(failure(await evaluate(room, "0/0"))).toMatch(/not a number/);
    expect(failure(await evaluate(room, "1/3", { mode: "fraction", precision: 5 }))).toMatch(/fractions are always exact/);
    expect(failure(await evaluate(room, "1/3", { precision: 30 }))).toMatch(/use mode "bignumber"/);
    expect(failure(await evaluate(room, "1 +"))).toMatch(/^evaluate: the expression could not be read: /);
    expect(failure(await evaluate(room, "nosuch + 1"))).toBe("evaluate: nosuch is not defined: assign it first (nosuch = …) or check the spelling");
  });
});

describe("evaluate: room variables", () => {
  it("keeps assignments for every participant, values and functions", async () => {
    const room = mathRoom();
    const alice = room.as("alice");
    const bob = room.as("bob");
    expect(ok(await alice.call("evaluate", { expression: "r = 7" }))).toMatchObject({ value: "7", assigned: ["r"] });
    expect(ok(await alice.call("evaluate", { expression: "f(x) = x^2 + r" }))).toMatchObject({ type: "function", value: "f(x) = x ^ 2 + r" });
    expect(ok(await bob.call("evaluate", { expression: "f(3) + r" })).value).toBe("23");
    expect(room.variables.get("r")).toMatchObject({ kind: "value", definition: "r = 7", by: "alice" });
    expect(room.variables.get("f")).toMatchObject({ kind: "function", definition: "f(x) = x ^ 2 + r" });
  });

  it("keeps a value, not the expression that computed it", async () => {
    const room = mathRoom();
    await evaluate(room, "a = 2; b = a * 3");
    await evaluate(room, "a = 5");
    expect(ok(await evaluate(room, "b")).value).toBe("6");
    const random = ok(await evaluate(room, "x = random()")).value;
    expect(ok(await evaluate(room, "x")).value).toBe(random);
  });

  it("stores fractions exactly and matrices in full, usable in every mode", async () => {
    const room = mathRoom();
    await evaluate(room, "third = 1/3", { mode: "fraction" });
    expect(room.variables.get("third")!.definition).toBe("third = (1/3)");
    expect(ok(await evaluate(room, "third * 3", { mode: "fraction" })).value).toBe("1");
    expect(ok(await evaluate(room, "third", { mode: "bignumber", precision: 5 })).value).toBe("0.33333");
    await evaluate(room, "M = [1, 2; 3, 4]");
    expect(ok(await evaluate(room, "det(M)")).value).toBe("-2");
  });

  it("keeps a matrix too long to show, answering a summary", async () => {
    const room = mathRoom();
    const stored = ok(await evaluate(room, "R = random([100, 100])"));
    expect(stored).toMatchObject({ type: "matrix", assigned: ["R"] });
    expect(stored.value).toMatch(/^100×100 matrix \(\d+ characters: too long to show here\)$/);
    expect(ok(await evaluate(room, "size(R)")).value).toBe("[100, 100]");
    expect(failure(await evaluate(room, "R"))).toMatch(/characters long, more than the 50000 that can be shown; ask for a part of it/);
    expect(ok(await evaluate(room, "R[1, 1] == R[1, 1]")).value).toBe("true");
  });

  it("writes nothing when the evaluation fails", async () => {
    const room = mathRoom();
    expect(failure(await evaluate(room, "q = 3; q / nothing"))).toMatch(/nothing is not defined/);
    expect(room.variables.list()).toEqual([]);
  });

  it("refuses to redefine built-ins", async () => {
    const room = mathRoom();
    expect(failure(await evaluate(room, "sin = 3"))).toMatch(/sin is a built-in name/);
    expect(failure(await evaluate(room, "pi(x) = 3"))).toMatch(/pi is a built-in name/);
  });

  it("bounds the number of variables", async () => {
    const room = mathRoom();
    const many = Array.from({ length: 100 }, (_, i) => `v${i} = ${i}`).join("; ");
    ok(await evaluate(room, many));
    expect(failure(await evaluate(room, "one_more = 1"))).toMatch(/at most 100 variables and has 100; delete some/);
    ok(await evaluate(room, "v1 = 10"));
  });

  it("variables lists, deletes and clears", async () => {
    const room = mathRoom();
    await evaluate(room, "a = 1; g(t) = 2 t");
    const listed = ok(await room.call("variables", {}));
    expect(listed.variables).toMatchObject([{ name: "a", kind: "value" }, { name: "g", kind: "function" }]);
    expect(ok(await room.call("variables", { action: "delete", name: "a" })).variables).toHaveLength(1);
    expect(failure(await room.call("variables", { action: "delete", name: "a" }))).toBe("variables: there is no room variable named a");
    expect(ok(await room.call("variables", { action: "clear" }))).toMatchObject({ removed: 1, variables: [] });
    expect(failure(await evaluate(room, "g(2)"))).toMatch(/g is not a known function|g is not defined/);
  });
});
