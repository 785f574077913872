/**
 * @module The matrix tool's exact answers: rational matrices by exact elimination, matrices with symbols
 * by the algebra engine, eigenvalues with their multiplicities.
 */
import { ToolError } from "../tool-error.ts";
import { Rational } from "./rational.ts";
import { determinant, eigenvalues, inverse, nullSpace, rank, rationalEntries, readMatrix, rref, squareOf, symbolic, toEntries } from "../cas/matrix-ops.ts";
import type { Entries } from "../cas/matrix-ops.ts";
import { hasInexact, rational } from "../cas/mathjson.ts";
import type { Json } from "../cas/mathjson.ts";
import type { Algebra } from "../cas/session.ts";
import type { RoomServices } from "../context.ts";
import type { Budget } from "./budget.ts";
import { isMatrix } from "./kinds.ts";
import { evaluateMatrix } from "./matrix-input.ts";
import { dimensions } from "./values.ts";

type Input = (number | string)[][] | (number | string)[] | string;
type Context = { numeric: boolean; room: RoomServices; call: Budget };

/**
 * The matrix's entries: text and room variables through mathjs in fraction mode (its guards apply:
 * zeros(20000, 20000) is refused there), falling back to algebra for text with symbols in it.
 */
function entriesOf(algebra: Algebra, input: Input, name: string, context: Context): ReturnType<typeof readMatrix> {
  if (typeof input !== "string") return readMatrix(algebra, input, name);
  const undefinedName = (error: unknown) => error instanceof ToolError && /is not defined/.test(error.message);
  let value: unknown;
  try {
    value = evaluateMatrix(input, name, "fraction", context.room, context.call);
  } catch (error) {
    if (undefinedName(error)) return readMatrix(algebra, input, name);
    if (!(error instanceof ToolError) || !/no exact fraction|Cannot convert/.test(error.message)) throw error;
    // Functions without a fraction version (zeros, identity of a decimal): in double precision, then read exactly.
    try {
      value = evaluateMatrix(input, name, "number", context.room, context.call);
    } catch (again) {
      if (undefinedName(again)) return readMatrix(algebra, input, name);
      throw again;
    }
  }
  const size = dimensions(value);
  const rows = (isMatrix(value) ? (value as { toArray(): unknown[] }).toArray() : (value as unknown[])) as unknown[];
  const cell = (x: unknown): Json => {
    const q = Rational.fromMathjs(x) ?? (typeof x === "number" ? Rational.fromDecimal(String(x)) : undefined);
    if (!q) throw new ToolError(`the entries of ${name} must be numbers`);
    return rational(q.n, q.d);
  };
  if (size.length === 1) return { entries: rows.map((x) => [cell(x)]), vector: true };
  return { entries: rows.map((row) => (row as unknown[]).map(cell)), vector: false };
}

const list = (algebra: Algebra, items: Json[]) => `[${items.map((x) => algebra.text(x)).join(", ")}]`;
const matrixText = (algebra: Algebra, m: Entries) => `[${m.map((row) => list(algebra, row)).join(", ")}]`;
const matrixLatex = (algebra: Algebra, m: Entries) => `\\begin{pmatrix}${m.map((row) => row.map((x) => algebra.latex(x)).join(" & ")).join(" \\\\ ")}\\end{pmatrix}`;
const vectorLatex = (algebra: Algebra, v: Json[]) => matrixLatex(algebra, v.map((x) => [x]));

function matrixAnswer(algebra: Algebra, operation: string, m: Entries, vector = false) {
  const value = vector ? list(algebra, m.map((row) => row[0]!)) : matrixText(algebra, m);
  const latex = vector ? vectorLatex(algebra, m.map((row) => row[0]!)) : matrixLatex(algebra, m);
  return { structured: { value, type: vector ? "vector" : "matrix", latex, exact: !m.flat().some(hasInexact) }, text: `${operation} = ${value}` };
}

function scalarAnswer(algebra: Algebra, operation: string, json: Json, type = "number") {
  const value = algebra.text(json);
  return { structured: { value, type, latex: algebra.latex(json), exact: !hasInexact(json) }, text: `${operation} = ${value}` };
}

function multiply(a: Rational[][], b: Rational[][]): Rational[][] {
  if (a[0]!.length !== b.length) throw new ToolError(`a has ${a[0]!.length} columns but b has ${b.length} rows: they cannot be multiplied`);
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, q, k) => s.add(q.mul(b[k]![j]!)), Rational.ZERO)));
}

/** A·x = b exactly: the unique solution, or why there is none. */
function solveExact(a: Rational[][], b: Rational[][], algebra: Algebra): Rational[][] {
  const n = squareOf("a", toEntries(a));
  if (b.length !== n) throw new ToolError(`b must have ${n} rows, one per equation (it has ${b.length})`);
  const { rows, pivots } = rref(a.map((row, i) => [...row, ...b[i]!]), algebra.budget);
  if (pivots.some((p) => p >= n)) throw new ToolError("the system has no solution (its equations contradict each other)");
  if (pivots.length < n) throw new ToolError("a is singular (its determinant is 0), so the system has no unique solution");
  return rows.map((row) => row.slice(n));
}

export function exactMatrix(algebra: Algebra, operation: string, aInput: Input, bInput: Input | undefined, context: Context) {
  const numeric = context.numeric;
  const a = entriesOf(algebra, aInput, "a", context);
  const b = bInput === undefined ? undefined : entriesOf(algebra, bInput, "b", context);
  const A = rationalEntries(a.entries);
  const B = b && rationalEntries(b.entries);
  if (operation === "eigenvalues") {
    squareOf("a", a.entries);
    const values = eigenvalues(algebra, a.entries, numeric);
    const expanded = values.flatMap((v) => Array.from({ length: v.multiplicity }, () => v.text));
    const value = `[${expanded.join(", ")}]`;
    const latex = `\\left[${values.flatMap((v) => Array.from({ length: v.multiplicity }, () => latexOf(algebra, v.text))).join(", ")}\\right]`;
    const listed = values.map((v) => ({ value: v.text, approximation: approximation(v.value), exact: v.exact, multiplicity: v.multiplicity }));
    const exact = values.every((v) => v.exact);
    return { structured: { value, type: "eigenvalues", latex, exact, eigenvalues: listed }, text: `eigenvalues = ${value}${exact ? "" : " (numeric)"}` };
  }
  if (operation === "transpose") return matrixAnswer(algebra, operation, a.entries[0]!.map((_, j) => a.entries.map((row) => row[j]!)));
  if (A && (!b || B)) {
    switch (operation) {
      case "multiply":
        return matrixAnswer(algebra, operation, toEntries(multiply(A, B!)), b!.vector);
      case "determinant": {
        squareOf("a", a.entries);
        const d = determinant(A, algebra.budget);
        return scalarAnswer(algebra, operation, rational(d.n, d.d));
      }
      case "inverse":
        squareOf("a", a.entries);
        if (determinant(A, algebra.budget).isZero()) throw new ToolError("a is singular (its determinant is 0), so it has no inverse");
        return matrixAnswer(algebra, operation, toEntries(inverse(A, algebra.budget)));
      case "solve":
        return matrixAnswer(algebra, operation, toEntries(solveExact(A, B!, algebra)), b!.vector);
      case "rank":
        return scalarAnswer(algebra, operation, rank(A, algebra.budget), "integer");
      case "nullspace": {
        const basis = nullSpace(A, algebra.budget).map((v) => v.map((q) => rational(q.n, q.d)));
        const value = `[${basis.map((v) => list(algebra, v)).join(", ")}]`;
        const latex = basis.length ? `\\left\\{${basis.map((v) => vectorLatex(algebra, v)).join(",\\ ")}\\right\\}` : "\\left\\{\\right\\}";
        return { structured: { value, type: "vectors", latex, exact: true }, text: `null space basis = ${value}${basis.length ? "" : " (only the zero vector)"}` };
      }
    }
  }
  switch (operation) {
    case "determinant":
      return scalarAnswer(algebra, operation, symbolic(algebra, "Determinant", a.entries) as Json, "expression");
    case "inverse":
      return matrixAnswer(algebra, operation, symbolic(algebra, "Inverse", a.entries) as Entries);
    default:
      throw new ToolError(`${operation} needs matrices of numbers (exact fractions are fine); with symbols only determinant, inverse and transpose are done`);
  }
}

const approximation = (z: { re: number; im: number }) => {
  const re = Number(z.re.toPrecision(15));
  const im = Number(z.im.toPrecision(15));
  return im === 0 ? String(re) : `${re} ${im < 0 ? "-" : "+"} ${Math.abs(im)}i`;
};

function latexOf(algebra: Algebra, text: string): string {
  try {
    return algebra.latex(algebra.read(text, { what: "an eigenvalue" }));
  } catch {
    return text;
  }
}
