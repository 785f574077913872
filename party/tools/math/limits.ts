/**
 * @module The bounds every math tool checks before it works: a room is one thread shared by everyone in it.
 */

/** Characters in one expression, equation or definition. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Brackets open at once; checked on the text, before the recursive parser can overflow its stack. */
export const MAX_NESTING = 40;
/** Nodes in one parsed expression, and how deep its tree may go. */
export const MAX_NODES = 600;
export const MAX_TREE_DEPTH = 60;
/** simplify and derivative rewrite the tree many times over, so their input is kept smaller. */
export const MAX_SYMBOLIC_NODES = 200;

/** Elements in one matrix, array, range or set that an expression may create. */
export const MAX_ELEMENTS = 10_000;
/** Elements created in all by one evaluation (a loop can create many bounded matrices). */
export const MAX_ALLOCATED = 200_000;
/** Characters in one string an expression creates. */
export const MAX_STRING_LENGTH = 10_000;
/** Bits in an exact integer, numerator or denominator (about 30,000 decimal digits). */
export const MAX_EXACT_BITS = 100_000;
/** Largest argument of factorial and gamma, and of the other counting functions' loops. */
export const MAX_FACTORIAL = 10_000;
/** Largest exponent of a matrix power. */
export const MAX_MATRIX_POWER = 1_000;

/**
 * Work units one evaluation may spend: every node evaluated and every call of a built-in function, each
 * at the price its cost model (costs.ts) sets from its arguments. A unit is about a microsecond of this
 * machine's time at worst (the cost-model tests hold every function to that), so 400,000 units is well
 * under half a second.
 */
export const MAX_WORK = 400_000;
/**
 * Work units one tool call may spend in all: a plot's samples, an integral's evaluations, a solver's scan.
 * Such calls yield to the room at least every `YIELD_WORK` units, so others are served meanwhile.
 */
export const MAX_CALL_WORK = 1_200_000;
export const YIELD_WORK = 100_000;
/** Nested calls of user functions: `f(x) = f(x)` stops here instead of overflowing the stack. */
export const MAX_CALL_DEPTH = 100;

/** Significant digits of the bignumber mode. */
export const DEFAULT_PRECISION = 64;
export const MAX_PRECISION = 500;

/** Room variables, and the size of one stored definition. */
export const MAX_VARIABLES = 100;
export const MAX_DEFINITION_LENGTH = 250_000;
/** Characters of all of a room's definitions together: rebuilding them must stay quick. */
export const MAX_ROOM_DEFINITIONS = 1_000_000;
/** Characters of a result's `value` text. */
export const MAX_RESULT_LENGTH = 50_000;

/** Samples of one plot curve, curves of one plot. */
export const DEFAULT_SAMPLES = 400;
export const MAX_SAMPLES = 2_000;
export const MAX_CURVES = 8;
/** Subintervals the adaptive quadrature may split into. */
export const MAX_SUBINTERVALS = 2_000;
/** Numbers in one statistics data set. */
export const MAX_DATA = 100_000;
/** Rows and columns of a matrix given to the matrix tool. */
export const MAX_MATRIX_DIMENSION = 100;
/** Equations (and unknowns) of one linear system. */
export const MAX_EQUATIONS = 20;
