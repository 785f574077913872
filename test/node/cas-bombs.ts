/**
 * The worst inputs found for each algebra operation: the symbolic bombs and the issue-11 inputs,
 * and more of the same kind. Each must be answered or refused well within 2 seconds.
 */
import { MAX_FUNCTION_NESTING } from "../../party/tools/cas/caps.ts";

const DEEP = MAX_FUNCTION_NESTING;
const nest = (f: string, depth: number, inner = "x") => Array.from({ length: depth }).reduce<string>((e) => `${f}(${e})`, inner);
const tower = (depth: number) => Array.from({ length: depth - 1 }).reduce<string>((e) => `x^(${e})`, "x");
const sum = (n: number, name = "x") => Array.from({ length: n }, (_, i) => `${name}${i + 1}`).join(" + ");
const symbolic = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => `a${i}${j}`));
const integers = (n: number, seed: number) => {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor((s / 2147483648) * 19) - 9);
  return Array.from({ length: n }, () => Array.from({ length: n }, next));
};
const dense = (degree: number) => Array.from({ length: degree + 1 }, (_, k) => `${(k * 7919) % 23 - 11}*x^${k}`).join(" + ");

export type Bomb = [tool: string, args: Record<string, unknown>];

export const BOMBS: Bomb[] = [
  // Nested compositions: 200 deep is refused at once; at the nesting limit, every operation stays bounded.
  ["simplify", { expression: nest("sin", 200) }],
  ["derivative", { expression: nest("sin", DEEP), variable: "x", order: 5 }],
  ["derivative", { expression: nest("sin", 10), variable: "x", order: 3 }],
  ["derivative", { expression: tower(19), variable: "x" }],
  ["derivative", { expression: tower(DEEP + 1), variable: "x", order: 2 }],
  ["simplify", { expression: nest("sin", DEEP) }],
  ["simplify", { expression: sum(24) }],
  ["simplify", { expression: `(${sum(30)})^2` }],
  ["simplify", { expression: "(x + y + z + 1)^30" }],
  ["simplify", { expression: `${nest("exp", DEEP)} - ${nest("exp", DEEP - 1)}` }],
  ["integrate", { expression: nest("sin", DEEP), variable: "x" }],
  ["limit", { expression: nest("sin", DEEP), variable: "x", point: 0 }],
  ["series", { expression: nest("sin", DEEP), variable: "x", order: 20 }],
  ["series", { expression: nest("tan", 6), variable: "x", order: 20 }],
  ["series", { expression: "exp(sin(tan(x)))", variable: "x", order: 20 }],
  ["series", { expression: "exp(x)", variable: "x", order: 1000000 }],
  // Expansion and factoring.
  ["expand", { expression: "(x + y + z + 1)^30" }],
  ["expand", { expression: "(x + y + z + 1)^12" }],
  ["expand", { expression: "(a + b + c + d + e + f)^7" }],
  ["expand", { expression: "(x + 1)^200 * (x - 1)^200" }],
  ["expand", { expression: "(123456789*x + 987654321)^200" }],
  ["factor", { expression: "x^40 - 1" }],
  ["factor", { expression: dense(40) }],
  ["factor", { expression: "(x + y + z + 1)^10" }],
  ["factor", { expression: "x^40 - y^40" }],
  ["factor", { expression: "2^128 + 1" }],
  ["factor", { expression: "10^39 + 7" }],
  ["gcd", { values: [dense(40), dense(39)] }],
  ["gcd", { values: ["(x + y + z + 1)^6", "(x - y + z + 2)^6"] }],
  ["partial_fractions", { expression: "1/(x^20 - 1)" }],
  ["partial_fractions", { expression: `1/(${dense(12)})` }],
  // Integrals of wild integrands, indefinite and definite.
  ["integrate", { expression: "exp(x^2)*sin(x)/(x^3 + log(x))", variable: "x" }],
  ["integrate", { expression: "exp(x^2)*sin(x)/(x^3 + log(x))", variable: "x", from: 1, to: 2 }],
  ["integrate", { expression: "(x^7 + 3x^2 + 1)/((x^4 + x + 1)*(x^3 - 2)^2)", variable: "x" }],
  ["integrate", { expression: "sin(1/x)", variable: "x", from: 0.000001, to: 1, tolerance: 1e-15 }],
  ["integrate", { expression: "x^x^x^x", variable: "x", from: 0.1, to: 2 }],
  ["integrate", { expression: "1/(x^5 + x + 1)^3", variable: "x" }],
  // Limits.
  ["limit", { expression: "exp(exp(exp(x))) - exp(exp(exp(x) + exp(-x)))", variable: "x", point: "inf" }],
  ["limit", { expression: "sin(1/x)", variable: "x", point: 0 }],
  ["limit", { expression: "x^x^x^x^x", variable: "x", point: 0, direction: "right" }],
  // Solving.
  ["solve", { equation: dense(30) }],
  ["solve", { equation: "(x - 1)^30 = 0" }],
  ["solve", { equation: "sin(1/x) = 0", from: -1, to: 1 }],
  ["solve", { equation: `${nest("sin", DEEP)} = 0.5` }],
  ["solve", { equation: ["x^3 + y^3 = 1", "x^2*y + x*y^2 = 2"] }],
  ["dsolve", { equation: "y'''' + y = x^10*exp(x)*sin(x)" }],
  ["dsolve", { equation: "y' = sin(x*y)" }],
  // Matrices.
  ["matrix", { operation: "determinant", a: symbolic(4) }],
  ["matrix", { operation: "inverse", a: symbolic(4) }],
  ["matrix", { operation: "determinant", a: symbolic(5) }],
  ["matrix", { operation: "eigenvalues", a: integers(8, 3) }],
  ["matrix", { operation: "eigenvalues", a: integers(100, 5) }],
  ["matrix", { operation: "inverse", a: integers(60, 7) }],
  ["matrix", { operation: "determinant", a: integers(100, 9) }],
  ["matrix", { operation: "nullspace", a: integers(100, 11) }],
  // Exact values.
  ["evaluate", { expression: "factorial(10000)", mode: "exact" }],
  ["evaluate", { expression: "factorial(100000)", mode: "exact" }],
  ["evaluate", { expression: "2^(10^9)", mode: "exact" }],
  ["evaluate", { expression: "3^100000", mode: "exact" }],
  ["evaluate", { expression: "pi", mode: "exact", precision: 500 }],
  ["evaluate", { expression: "\\sum_{k=1}^{1000000000} \\frac{1}{k}", mode: "exact" }],
  ["evaluate", { expression: "\\sum_{k=1}^{20000} \\frac{1}{k}", mode: "exact" }],
  ["evaluate", { expression: "\\prod_{k=1}^{100000} k", mode: "exact" }],
  ["evaluate", { expression: "\\sum_{k=1}^{1000} \\frac{1}{k^3}", mode: "exact" }],
  ["evaluate", { expression: "\\sum_{k=1}^{n} k^{20}", mode: "exact" }],
  ["matrix", { operation: "determinant", a: symbolic(6) }],
  ["evaluate", { expression: "\\int_0^1 \\sin(\\sin(\\sin(\\sin(x)))) dx", mode: "exact" }],
  ["evaluate", { expression: "\\frac{d}{dx} " + "\\sin(".repeat(DEEP) + "x" + ")".repeat(DEEP), mode: "exact" }],
  // Exact numbers that grow through sums and powers of sums (found by a generated run: 4.5 s before).
  ["evaluate", { expression: "((1e300)^31 + 50)^36", mode: "exact" }],
  ["evaluate", { expression: "(10^1900 + 1)^31 + (10^1900 + 3)^31 + (10^1900 + 7)^31 + (10^1900 + 9)^31", mode: "exact" }],
  ["evaluate", { expression: "factorial(10000) * factorial(9999) * factorial(9998) + 1", mode: "exact" }],
  ["derivative", { expression: "(10^1900 + 1)^31 * x^2 + (10^1900 + 3)^31 * x", variable: "x" }],
  ["factor", { expression: "(10^30 + 7)^2*x^4 - (10^30 + 7)*x^2 - 12" }],
  // An exponential the engine evaluated for its sign (39 s: a 53-million-digit number), and a number it wrote out many times (2.5 s each).
  ["limit", { expression: "((floor(cosh(123456789)))^(2.5))^(1/3)", variable: "x", point: "pi", direction: "right" }],
  ["solve", { equation: "(((1e-300)^-7)^28) + ((47)^17) = 0", variable: "x" }],
  // Products of polynomials priced by the size of their coefficients (1.1 s at two units a pair of terms).
  ["factor", { expression: "((46 + a)^33)^46" }],
  ["series", { expression: "((x - 99999999999999999999)^100)^(-1/2)", variable: "x", order: 15 }],
  // Minutes each before: decimals millions of digits long in a limit, and the integrator's rule matcher on 49 terms.
  ["limit", { expression: "(i + sinh(x))^(1/x)", variable: "x", point: "-inf" }],
  ["integrate", { expression: "((x - 6)^48)^x", variable: "x" }],
  // A binomial whose n was a max( ) of numbers the checks could not read (minutes), and a matrix entry of 35,000 bits.
  ["solve", { equation: "binomial(max(580738943569984507199118044628442562337506597390329499883868, 99986), 123456789) * x = 0", variable: "x" }],
  ["matrix", { operation: "determinant", a: [["-8", "((0.333)^19)^(100)"], ["1e300", "gamma(sec(sqrt(3)/2))"]] }],
  // A rational power of 1 with a 42-digit numerator: the series multiplied 1 by itself 2·10^12 times.
  ["series", { expression: "1/(1^((17/45^3)^10))", variable: "x", order: 4, point: "pi" }],
  // Seconds each before: a nonlinear ODE with a power of 100 (the engine's solver), x^-6440 simplified
  // through dense polynomials, and a sum with 14^x whose coefficient sizes went unestimated.
  ["dsolve", { equation: "y' = 10^60*y + (-19 - y^3)^100" }],
  ["derivative", { expression: "((x^28)^23)^-10", variable: "x", order: 4 }],
  ["simplify", { expression: "((x + 1e300) + 14^x)^34" }],
  // A factorial of an exact root the checks could not read: factorial((17^12)^(1/3)) = factorial(83521).
  ["solve", { equation: "-6 = factorial((17^12)^(1/3))", variable: "x" }],
  // Degrees: the engine's dense polynomials ran out of memory on x^-302100; its integrator took 5 s on 1/(x^200 + 1).
  ["integrate", { expression: "(((x^53)^100)^57)^-1", variable: "x" }],
  ["solve", { equation: "((10^5)^55)^(1/3) / (((y^22)^100)^5) = 0", variable: "x" }],
  ["integrate", { expression: "1/(x^200 + 1)", variable: "x", from: 0, to: 1 }],
  ["integrate", { expression: "1/(x^40 + 1)", variable: "x" }],
  // The engine's exact numbers: a series at 1000 made (3/2)^1000000 in lowest terms (214 s).
  ["series", { expression: "abs((a*1.5)^(x^2))", variable: "x", order: 6, point: 1000 }],
  ["series", { expression: "atan2(x^1000, x)^-12", variable: "x", order: 19, point: "1e20" }],
  ["simplify", { expression: "(e^30)^5 * mod(92440, factorial(2358))^93235" }],
  ["series", { expression: "nthRoot(10^1436, 0^4) - nthRoot(2, -1)^y", variable: "x", order: 16 }],
  // Our own exact series, priced by the size of each addition (6 s at a unit a pair of 12,000-bit fractions).
  ["series", { expression: "((0.333^-12)*x)^57 + (2.25e-5*y)^2.5", variable: "x", order: 18, point: "1e20" }],
  // conj( ) of a number hid (10^300)^128 from the size checks (1.95 s).
  ["matrix", { operation: "determinant", a: [["(77267*x)^-6", "sin(((1^x)^2.5)^2.5)"], ["1e300^conj(2^7)", "asinh(acosh(1e356^(x^2))^35)"]] }],
  // The engine made a decimal of 10^4620 475 times, each a quadratic trimming of zeros (2.2 s): its steps are
  // now weighed by the numbers at the point, and each such conversion priced by its size.
  ["series", { expression: "log(y) + ((x^33)^7)", variable: "x", order: 15, point: "1e20" }],
  ["limit", { expression: "log(y)*x^231 + x^230", variable: "x", point: "1e20" }],
  // A degree hidden in an exponent the checks read only after folding: x^-769500 (1.5 s).
  ["series", { expression: "((x^38)^((-50)*(-45)))^-9", variable: "x", order: 8 }],
  // A power of a polynomial with a fraction in it, kept in lowest terms at every pair of terms (1.4 s).
  // A fractional power of enormous degree: the engine's series made an array of 10^20 terms (Node died:
  // "invalid size error"; in workerd the isolate would have). Its degree is read now, fraction or not.
  ["series", { expression: "tan(((x*1)^(1/2 + 99999999999999999999))^-1)", variable: "x", order: 10 }],
  ["series", { expression: "tan(x^(-99999999999999999999.5))", variable: "x", order: 10 }],
  // A power of a sum of constants: the engine built Pascal's triangle to row 13,000 to expand it (2.3 s).
  ["simplify", { expression: "((1 - atan2(1/2, e))^1000)^13" }],
  // A root of a 4,000-bit integer: the engine tests it for a perfect power at every evaluation, 60 ms
  // each, and its series evaluates it at every coefficient (2.7 s).
  ["series", { expression: "cbrt(x*factorial(529))", variable: "x", order: 20, point: "1/3" }],
  ["series", { expression: "cbrt(arg(x)*factorial(529)) + cbrt(arg(x)*factorial(530))", variable: "x", order: 10, point: "1/3" }],
  // The engine counted sec's poles between −10^300 and 2 in doubles: one pole, forever (out of memory).
  ["integrate", { expression: "sec(x)", variable: "x", from: "-1e300", to: 2 }],
  // The engine's erfi series at 3·10^9 grew its decimal terms by 19 digits a step (4.7 s).
  ["integrate", { expression: "(e^(x^2))^0.1", variable: "x", from: "1e10", to: 2 }],
  // Exact fractions of 70,000 bits in the engine (3^44444/2^44444): each sum a gcd of 0.7 s or more (4.9 s).
  ["dsolve", { equation: "y' = nthRoot(1.5, 2.25e-5)*y - 46" }],
  // The engine's solver matched its rules against subsets of the 26 terms of (18^x + 50)^25, written as a root's power (2.4 s).
  ["solve", { equation: "(sqrt(18^x + 50))^50 = 0", variable: "x" }],
  ["matrix", { operation: "determinant", a: [["sqrt(32 + 1e-216)", "log(atan2(atanh(48)^x, exp(1)), 44543^13)"], ["((e - 2.25e-5) - 23^x)^46", "im(cosh(0.1))"]] }],
  // The same inside a function: the solver took log(u) = 0 to u = 1 and matched subsets of 29 terms (9.8 s).
  ["solve", { equation: "log(((-37)^1) + (((x) + (-17))^28)) = 0", variable: "x" }],
  // nthRoot(x, 10^-6) is x^1000000: the engine's series multiplied a truncated series by itself a million times (1.7 s).
  ["series", { expression: "((10^1469) * (1e-300)) - ((nthRoot(x, 1e-6)) - (sqrt(2)))", variable: "x", order: 13 }],
  // Our own series of 1/b priced each coefficient by the input's size, after the work: the coefficients
  // grow to 70,000-bit fractions as they go (3.2 s; found by the committed generated test, seed 3506).
  ["series", { expression: "(((x)^3) - ((10^1321 + 1)))^-3", variable: "x", order: 17, point: 1 }],
  // A negative power in a denominator is a positive one to the engine's solver: 26 terms to match (1.3 s).
  ["solve", { equation: "(-1) / (((sqrt(2)) - ((x) ^ (y))) ^ (-25)) = -1", variable: "x" }],
  // A nonzero constant of 5·10⁻¹⁷: every sample a "touching root" to look into, 240 evaluations each.
  ["solve", { equation: "(((i) + ((-1)^(1/3)))^7)^-8 = 0", variable: "x" }],
];
