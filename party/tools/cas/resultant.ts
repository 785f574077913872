/**
 * @module The resultant of two polynomials in y whose coefficients are polynomials in x: the determinant
 * of their Sylvester matrix, by fraction-free (Bareiss) elimination over Q[x]. Its roots in x are the x
 * of the common roots of the pair: it eliminates y from two equations in two unknowns.
 */
import { Rational } from "../math/rational.ts";
import { divide } from "../math/square-free.ts";

/** A polynomial in x, from the constant term up. */
export type Dense = Rational[];

const trim = (p: Dense): Dense => {
  let top = p.length - 1;
  while (top > 0 && p[top]!.isZero()) top--;
  return p.slice(0, top + 1);
};
const isZero = (p: Dense) => trim(p).every((c) => c.isZero());

function mul(a: Dense, b: Dense): Dense {
  const out: Dense = new Array(a.length + b.length - 1).fill(Rational.ZERO);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = out[i + j]!.add(x.mul(y)))));
  return trim(out);
}

function sub(a: Dense, b: Dense): Dense {
  const out: Dense = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push((a[i] ?? Rational.ZERO).sub(b[i] ?? Rational.ZERO));
  return trim(out);
}

/** det of a square matrix over Q[x], by Bareiss: every division is exact. */
function determinant(matrix: Dense[][]): Dense {
  const m = matrix.map((row) => row.map(trim));
  const n = m.length;
  let sign = 1;
  let previous: Dense = [Rational.ONE];
  for (let k = 0; k < n - 1; k++) {
    let pivot = k;
    while (pivot < n && isZero(m[pivot]![k]!)) pivot++;
    if (pivot === n) return [Rational.ZERO];
    if (pivot !== k) {
      [m[k], m[pivot]] = [m[pivot]!, m[k]!];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) {
        const numerator = sub(mul(m[i]![j]!, m[k]![k]!), mul(m[i]![k]!, m[k]![j]!));
        m[i]![j] = trim(divide(numerator, previous).quotient);
      }
      m[i]![k] = [Rational.ZERO];
    }
    previous = m[k]![k]!;
  }
  const det = m[n - 1]![n - 1]!;
  return sign < 0 ? det.map((c) => c.neg()) : det;
}

/**
 * Res_y(p, q) for p = Σ pᵢ(x)·yⁱ and q = Σ qⱼ(x)·yʲ, given as their coefficients in y (each a polynomial in x).
 */
export function resultant(p: Dense[], q: Dense[]): Dense {
  const [m, n] = [p.length - 1, q.length - 1];
  const size = m + n;
  const zero: Dense = [Rational.ZERO];
  const rows: Dense[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: size }, (_, j) => (j - i >= 0 && j - i <= m ? p[m - (j - i)]! : zero)));
  for (let i = 0; i < m; i++) rows.push(Array.from({ length: size }, (_, j) => (j - i >= 0 && j - i <= n ? q[n - (j - i)]! : zero)));
  return determinant(rows);
}
