/**
 * @module The bounds of the algebra engine's work, checked before a call (sizes, degrees, orders) and
 * counted while it runs (ticks). They sit beside limits.ts, whose constants the rest of the math
 * tools share; test/node/cas-bounds measures the worst inputs against them.
 */

/** Digits of one number literal given to algebra. */
export const MAX_LITERAL_DIGITS = 400;
/** Room functions inlined inside one another. */
export const MAX_INLINE_DEPTH = 8;
/** Nodes of one expression after room functions are inlined, and how deep its tree may go. */
export const MAX_CAS_NODES = 400;
export const MAX_CAS_DEPTH = 40;
/**
 * Functions nested inside functions (sin(cos(exp(…)))): the engine's work on them doubles with each
 * level (measured: 18 nested sines take a second to evaluate) and each of its steps grows dearer with
 * the depth (15 µs a tick at 12 levels), so the nesting is kept shallow.
 */
export const MAX_FUNCTION_NESTING = 8;

/** Degree of a polynomial to solve or factor exactly. */
export const MAX_SOLVE_DEGREE = 30;
export const MAX_FACTOR_DEGREE = 40;
/** Terms an expansion may produce (estimated before it runs), and the degree of one power it expands. */
export const MAX_EXPAND_TERMS = 2_000;
export const MAX_EXPAND_POWER = 200;
/**
 * Terms a power of a sum in an integrand may expand to for the engine's integrator to see it: it expands
 * the power and matches its rules against subsets of the terms, in steps its meter does not see
 * (∫ ((x − 6)^48)^x dx ran for minutes).
 */
export const MAX_ENGINE_EXPANDED_POWER = 24;
/** The highest power of a variable the engine's integrator is given: ∫ 1/(x^100 + 1) dx took it 1.6 s, x^200 5 s. */
export const MAX_ENGINE_INTEGRATE_DEGREE = 40;
/**
 * The highest power of a variable the engine's simplifier is given: it cancels common factors of a
 * fraction through dense polynomials, and x^-6440 (a derivative of ((x^28)^23)^-10) took it 3 s, mostly
 * collecting garbage.
 */
export const MAX_SIMPLIFY_DEGREE = 400;
/**
 * The highest power of a variable any algebra input may hold (nested powers multiplied): the engine's
 * polynomial arithmetic is dense, and ∫ (((x^53)^100)^57)^-1 dx ran out of memory.
 */
export const MAX_VARIABLE_DEGREE = 1_000;
/** Order of a series. */
export const MAX_SERIES_ORDER = 20;
/** Side of a matrix with symbols in it (its determinant has n! terms). */
export const MAX_SYMBOLIC_MATRIX = 5;
/** Side of a numeric matrix whose eigenvalues are found exactly (through its characteristic polynomial). */
export const MAX_EXACT_EIGEN = 8;
/** Terms of a sum or product written out exactly. */
export const MAX_EXACT_TERMS = 1_000;
/**
 * Bits an exact number computed along the way may have (about 10,000 digits), and all of them together:
 * the engine's big-number arithmetic is one step its meter cannot interrupt, and ((10^300)^31 + 50)^36
 * (1.1 million bits) took 4.5 s. Writing a number out costs the engine time that grows with the square
 * of its longest run of zeros inside (it trims trailing zeros with a regular expression that backtracks):
 * 10^58800 + 47^17 took 2.5 s each time it was written, and solve writes it many times; at 10,000 digits
 * it is 0.07 s.
 */
export const MAX_EXACT_NUMBER_BITS = 34_000;
export const MAX_EXACT_TOTAL_BITS = 100_000;
/**
 * Bits a fraction's denominator may have (about 6,000 digits): keeping fractions in lowest terms takes
 * time that grows with the square of their size; (1/10^300 − 3)^100, 100,000 bits, took 1.5 s.
 */
export const MAX_EXACT_DENOMINATOR_BITS = 20_000;
/** Bits the coefficients of a part with variables may grow to when it is expanded ((c + x)^k: k times c's). */
export const MAX_SYMBOLIC_COEFFICIENT_BITS = 50_000;
/** Numbers of this many bits (about 1,200 digits) make each step of the engine count double, and more past that (session.ts). */
export const BITS_PER_STEP_WEIGHT = 4096;
/**
 * The engine's decimal numbers: at most this many digits in a significand, and a value between
 * 10^-MAX_DECIMAL_EXPONENT and 10^MAX_DECIMAL_EXPONENT (e^100000 ≈ 10^43429 fits). Its arithmetic on
 * larger ones is single steps of unbounded cost (meter.ts guardDecimals).
 */
export const MAX_DECIMAL_DIGITS = 110_000;
/**
 * Bits of a part of an exact number in the engine's own work (four times what an input's may have, for
 * products along the way): keeping a fraction in lowest terms is a gcd that grows with the square of its
 * size, and the engine made (3/2)^1000000 expanding a series at a point (214 s). Past it, refused.
 */
export const MAX_ENGINE_EXACT_BITS = 4 * MAX_EXACT_NUMBER_BITS;
export const MAX_DECIMAL_EXPONENT = 50_000;
/** Significant digits of a decimal approximation the engine computes. */
export const MAX_CAS_PRECISION = 500;

/**
 * The engine's work is counted in ticks: one per call of one of its internal methods (boxing,
 * definitions, numeric values, …). The Node tests measure the time a tick takes on the worst inputs
 * found; a tick is charged to the call's budget at TICK_UNITS work units (about a microsecond each),
 * so a call of the algebra engine spends its budget like any other evaluation.
 */
export const TICK_UNITS = 10;
/** Ticks one engine run may take, whatever the call budget still holds. */
export const MAX_CAS_TICKS = 100_000;
/** The engine's own step budget (its deadline checks), a second fence for loops that box nothing. */
export const MAX_CAS_STEPS = 20_000;
