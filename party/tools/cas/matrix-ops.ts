/**
 * @module Matrices for the matrix tool, exactly: read into MathJSON entries; rational ones computed with
 * exact-matrix.ts (eigenvalues from the characteristic polynomial's exact roots up to MAX_EXACT_EIGEN,
 * numerically beyond); ones with symbols by fraction-free elimination, up to MAX_SYMBOLIC_MATRIX.
 */
import { ToolError } from "../tool-error.ts";
import { Rational } from "../math/rational.ts";
import { MAX_MATRIX_DIMENSION } from "../math/limits.ts";
import { MAX_EXACT_EIGEN, MAX_SYMBOLIC_MATRIX } from "./caps.ts";
import { eigenvaluesNumeric } from "./eigen-numeric.ts";
import { characteristicPolynomial, determinant, inverse, nullSpace, rank, rref } from "./exact-matrix.ts";
import type { RationalMatrix } from "./exact-matrix.ts";
import { args, head, rational, rationalValue } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { polynomialRoots } from "./polynomial-roots.ts";
import { symbolicDeterminant, symbolicInverse } from "./symbolic-matrix.ts";
import { tidy } from "./simplify.ts";
import type { PolynomialRoot } from "./polynomial-roots.ts";
import type { Algebra } from "./session.ts";

export type Entries = Json[][];

/** A matrix (or a vector, as one column) from rows of entries, text, or a room variable. */
export function readMatrix(algebra: Algebra, value: (number | string)[][] | (number | string)[] | string, name: string): { entries: Entries; vector: boolean } {
  // Numbers are read exactly as the decimals they are, without the parser (a 100×100 matrix has 10,000).
  const entry = (x: number | string): Json => {
    if (typeof x === "number") {
      if (!Number.isFinite(x)) throw new ToolError(`the entries of ${name} must be finite numbers`);
      const q = Rational.fromDecimal(String(x));
      return rational(q.n, q.d);
    }
    return algebra.read(x, { what: `an entry of ${name}` });
  };
  let json: Json;
  if (typeof value === "string") json = algebra.read(value, { arrays: true, what: name, maxNodes: 4 * value.length + 50 });
  else if (value.length > 0 && Array.isArray(value[0])) {
    const rows = value as (number | string)[][];
    json = ["List", ...rows.map((row) => ["List", ...row.map(entry)] as Json)];
  } else json = ["List", ...(value as (number | string)[]).map(entry)];
  if (head(json) === "Matrix") json = args(json)[0]!;
  if (head(json) !== "List") throw new ToolError(`${name} must be a matrix or a vector`);
  const items = args(json);
  if (items.length === 0) throw new ToolError(`${name} is empty`);
  const vector = items.every((item) => head(item) !== "List");
  const entries = vector ? items.map((item) => [item]) : items.map((row) => (head(row) === "List" ? args(row) : [row]));
  if (entries.some((row) => row.length !== entries[0]!.length || row.length === 0)) throw new ToolError(`the rows of ${name} must all have the same, non-zero length`);
  if (entries.length > MAX_MATRIX_DIMENSION || entries[0]!.length > MAX_MATRIX_DIMENSION) {
    throw new ToolError(`${name} is ${entries.length}×${entries[0]!.length}; at most ${MAX_MATRIX_DIMENSION} rows and columns are allowed`);
  }
  return { entries, vector };
}

/** The entries as exact rationals, or undefined when one holds a symbol or an irrational number. */
export function rationalEntries(entries: Entries): RationalMatrix | undefined {
  const out: RationalMatrix = [];
  for (const row of entries) {
    const values = row.map(rationalValue);
    if (values.some((v) => !v)) return undefined;
    out.push(values.map((v) => new Rational(v!.n, v!.d)));
  }
  return out;
}

export const toEntries = (m: RationalMatrix): Entries => m.map((row) => row.map((q) => rational(q.n, q.d)));

export function squareOf(name: string, entries: Entries): number {
  if (entries.length !== entries[0]!.length) throw new ToolError(`${name} must be a square matrix (it is ${entries.length}×${entries[0]!.length})`);
  return entries.length;
}


/** A determinant or an inverse of a matrix with symbols in it (small matrices only), fraction-free. */
export function symbolic(algebra: Algebra, operation: "Determinant" | "Inverse", entries: Entries): Json | Entries {
  const n = squareOf("a", entries);
  if (n > MAX_SYMBOLIC_MATRIX) {
    throw new ToolError(`with symbols in it, a matrix may be at most ${MAX_SYMBOLIC_MATRIX}×${MAX_SYMBOLIC_MATRIX} (its determinant has n! terms); this one is ${n}×${n}`);
  }
  // The determinant is tidied by the engine (cos(t)^2 + sin(t)^2 is 1); the inverse's entries stay as cofactor/determinant.
  return operation === "Determinant" ? tidy(algebra, symbolicDeterminant(entries, algebra.budget)).result : symbolicInverse(entries, algebra.budget);
}

export type Eigenvalue = { text: string; value: { re: number; im: number }; exact: boolean; multiplicity: number };

/** Eigenvalues with their algebraic multiplicities: exact for small rational matrices, numeric otherwise. */
export function eigenvalues(algebra: Algebra, entries: Entries, numeric = false): Eigenvalue[] {
  const n = squareOf("a", entries);
  const exact = rationalEntries(entries);
  if (exact && n <= MAX_EXACT_EIGEN && !numeric) {
    return polynomialRoots(characteristicPolynomial(exact, algebra.budget), algebra.budget).map((r: PolynomialRoot) => ({ text: r.text, value: r.value, exact: r.exact, multiplicity: r.multiplicity }));
  }
  const numbers = entries.map((row) =>
    row.map((cell) => {
      const q = rationalValue(cell);
      if (q) return Number(q.n) / Number(q.d);
      if (typeof cell === "number") return cell;
      if (typeof cell === "object" && !Array.isArray(cell)) return Number.parseFloat(cell.num);
      throw new ToolError("eigenvalues of matrices with symbols are not computed here; give numbers");
    }),
  );
  const values = eigenvaluesNumeric(numbers, (units) => algebra.budget.spend(units));
  return values.map((z) => ({ text: complexTextOf(z), value: z, exact: false, multiplicity: 1 }));
}

const complexTextOf = (z: { re: number; im: number }) => {
  const re = Number(z.re.toPrecision(15));
  const im = Number(z.im.toPrecision(15));
  if (Math.abs(im) < 1e-12 * Math.max(1, Math.abs(re))) return String(re);
  return `${re === 0 ? "" : `${re} ${im < 0 ? "-" : "+"} `}${re === 0 && im < 0 ? "-" : ""}${Math.abs(im)}i`;
};

export { determinant, inverse, nullSpace, rank, rref };
