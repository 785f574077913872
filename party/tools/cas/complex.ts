/**
 * @module Complex doubles and the elementary functions on them (principal branches), for checking the
 * engine's answers at sample points.
 */
export type C = { re: number; im: number };

export const c = (re: number, im = 0): C => ({ re, im });
export const NAN: C = c(Number.NaN, Number.NaN);

export const add = (a: C, b: C): C => c(a.re + b.re, a.im + b.im);
export const sub = (a: C, b: C): C => c(a.re - b.re, a.im - b.im);
export const mul = (a: C, b: C): C => (a.im === 0 && b.im === 0 ? c(a.re * b.re) : c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re));
export function div(a: C, b: C): C {
  if (b.im === 0) return c(a.re / b.re, a.im === 0 ? 0 : a.im / b.re);
  const d = b.re * b.re + b.im * b.im;
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
}
export const neg = (a: C): C => c(-a.re, -a.im);
export const abs = (a: C): number => (a.im === 0 ? Math.abs(a.re) : Math.hypot(a.re, a.im));
export const isReal = (a: C): boolean => a.im === 0;

export function exp(a: C): C {
  if (a.im === 0) return c(Math.exp(a.re));
  const m = Math.exp(a.re);
  return c(m * Math.cos(a.im), m * Math.sin(a.im));
}

export function log(a: C): C {
  if (a.im === 0 && a.re >= 0) return c(Math.log(a.re));
  // On the negative real axis the principal value is +πi, whatever the sign of a zero imaginary part
  // (−cbrt(39) computed as a negation has −0 there; sqrt already reads it so).
  return c(Math.log(abs(a)), Math.atan2(a.im === 0 ? 0 : a.im, a.re));
}

export function sqrt(a: C): C {
  if (a.im === 0) return a.re >= 0 ? c(Math.sqrt(a.re)) : c(0, Math.sqrt(-a.re));
  const r = abs(a);
  const re = Math.sqrt((r + a.re) / 2);
  const im = Math.sign(a.im) * Math.sqrt((r - a.re) / 2);
  return c(re, im);
}

/** a^b; whole exponents by repeated squaring, so (1+2i)^3 is exactly -11-2i. */
export function pow(a: C, b: C): C {
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 64) {
    let result = c(1);
    let base = a;
    let n = Math.abs(b.re);
    while (n > 0) {
      if (n & 1) result = mul(result, base);
      base = mul(base, base);
      n >>= 1;
    }
    return b.re < 0 ? div(c(1), result) : result;
  }
  if (a.im === 0 && b.im === 0 && a.re >= 0) return c(a.re ** b.re);
  if (a.re === 0 && a.im === 0) return b.re > 0 ? c(0) : NAN;
  return exp(mul(b, log(a)));
}

export function sin(a: C): C {
  if (a.im === 0) return c(Math.sin(a.re));
  return c(Math.sin(a.re) * Math.cosh(a.im), Math.cos(a.re) * Math.sinh(a.im));
}

export function cos(a: C): C {
  if (a.im === 0) return c(Math.cos(a.re));
  return c(Math.cos(a.re) * Math.cosh(a.im), -Math.sin(a.re) * Math.sinh(a.im));
}

export const tan = (a: C): C => (a.im === 0 ? c(Math.tan(a.re)) : div(sin(a), cos(a)));
export const sinh = (a: C): C => (a.im === 0 ? c(Math.sinh(a.re)) : mul(c(0, -1), sin(mul(c(0, 1), a))));
export const cosh = (a: C): C => (a.im === 0 ? c(Math.cosh(a.re)) : cos(mul(c(0, 1), a)));
export const tanh = (a: C): C => (a.im === 0 ? c(Math.tanh(a.re)) : div(sinh(a), cosh(a)));

const I = c(0, 1);
/** asin z = −i log(iz + √(1 − z²)) */
export const asin = (a: C): C => (a.im === 0 && Math.abs(a.re) <= 1 ? c(Math.asin(a.re)) : mul(c(0, -1), log(add(mul(I, a), sqrt(sub(c(1), mul(a, a)))))));
export const acos = (a: C): C => (a.im === 0 && Math.abs(a.re) <= 1 ? c(Math.acos(a.re)) : sub(c(Math.PI / 2), asin(a)));
/** atan z = (i/2) (log(1 − iz) − log(1 + iz)) */
export const atan = (a: C): C => (a.im === 0 ? c(Math.atan(a.re)) : mul(c(0, 0.5), sub(log(sub(c(1), mul(I, a))), log(add(c(1), mul(I, a))))));
export const asinh = (a: C): C => (a.im === 0 ? c(Math.asinh(a.re)) : log(add(a, sqrt(add(mul(a, a), c(1))))));
export const acosh = (a: C): C => (a.im === 0 && a.re >= 1 ? c(Math.acosh(a.re)) : log(add(a, mul(sqrt(add(a, c(1))), sqrt(sub(a, c(1)))))));
export const atanh = (a: C): C => (a.im === 0 && Math.abs(a.re) < 1 ? c(Math.atanh(a.re)) : mul(c(0.5), sub(log(add(c(1), a)), log(sub(c(1), a)))));
