/**
 * @module One tool call's use of the algebra engine: reading text (mathjs syntax or LaTeX) into checked
 * MathJSON with the room's variables, running the engine within the call's budget, and writing results
 * back as mathjs text and LaTeX with the person's own names.
 */
import type { ToolContext } from "../registry.ts";
import { ToolError } from "../tool-error.ts";
import { parseChecked } from "../math/expression.ts";
import { callBudget } from "../math/budget.ts";
import type { Budget } from "../math/budget.ts";
import { casRun, engineDefines } from "./engine.ts";
import type { CasRun } from "./engine.ts";
import { BITS_PER_STEP_WEIGHT, MAX_CAS_NODES } from "./caps.ts";
import { fromMathjs, NAME } from "./from-mathjs.ts";
import type { ConvertOptions } from "./from-mathjs.ts";
import { looksLikeLatex, readLatex } from "./latex-input.ts";
import { mapTree, isSymbol } from "./mathjson.ts";
import type { Json } from "./mathjson.ts";
import { ENGINE_CONSTANTS, Names } from "./names.ts";
import { preflight } from "./preflight.ts";
import { roomLookup } from "./room-values.ts";
import { toLatex } from "./to-latex.ts";
import { toText } from "./to-text.ts";

export type ReadOptions = Omit<ConvertOptions, "names" | "room" | "bound"> & {
  /** The tool's own variables: never replaced by room values. */
  bound?: string[];
  /** Parts allowed before conversion (mathjs nodes). */
  maxNodes?: number;
};

export class Algebra {
  readonly names = new Names(engineDefines);
  readonly budget: Budget;
  readonly #room: ReturnType<typeof roomLookup>;
  /** The largest number read so far, or the largest coefficient its expansion may have, in bits. */
  #bits = 0;

  constructor(context: Pick<ToolContext, "room">) {
    this.budget = callBudget(context);
    this.#room = roomLookup(context.room.variables);
  }

  /** Text in mathjs syntax (or LaTeX, recognised by its backslashes) as checked MathJSON. */
  read(text: string, options: ReadOptions = {}): Json {
    const what = options.what ?? "the expression";
    let json: Json;
    if (looksLikeLatex(text)) {
      json = this.#fromLatex(readLatex(text, this.budget, what));
    } else {
      const { node } = parseChecked(text, "bignumber", { allowAssignment: false, what, maxNodes: options.maxNodes ?? MAX_CAS_NODES });
      json = fromMathjs(node, { ...options, names: this.names, room: this.#room, bound: new Set(options.bound ?? []) });
    }
    return this.expect(json, what);
  }

  /**
   * Checks MathJSON the engine will meet (what was read, or what it makes of it: the expression at a
   * series' point), and weighs the engine's steps by its numbers: x^231 at 10^20 has 10^4620 in every
   * step of the engine's series, and took 2.2 s weighed by 10^20.
   */
  expect(json: Json, what: string): Json {
    const checked = preflight(json, what);
    this.#bits = Math.max(this.#bits, checked.bits);
    return checked.json;
  }

  /**
   * An equation `left = right` (or an expression, meaning = 0) as MathJSON. The text is split at its one
   * "=" first: mathjs would read `x = 2` as an assignment. LaTeX equations are read whole.
   */
  readEquation(text: string, options: ReadOptions = {}): Json {
    const what = options.what ?? "the equation";
    if (looksLikeLatex(text)) return this.read(text, { ...options, relations: true, what });
    const sides = text.split(/(?<![=<>!])=(?!=)/);
    if (sides.length > 2) throw new ToolError(`an equation has one "=" (got ${sides.length - 1} in ${JSON.stringify(text.trim())})`);
    if (sides.some((side) => !side.trim())) throw new ToolError(`both sides of ${JSON.stringify(text.trim())} must be expressions`);
    const [left, right] = sides.map((side) => this.read(side, { ...options, relations: true, what }));
    return right === undefined ? left! : ["Equal", left!, right];
  }

  /** The engine symbol for a person's name (a tool's variable). */
  symbol(name: string): string {
    return this.names.engine(name);
  }

  /**
   * Runs the engine on what was read. Its steps are counted, but one step on numbers of thousands of
   * digits costs far more than one on small ones (a dsolve with (a − 10⁻³⁰⁰)⁵⁴ took 7 s of steps that
   * would have taken 0.1 s on small numbers): a step costs more, so fewer are allowed, in proportion to
   * the largest number the input has or may grow: (bits / BITS_PER_STEP_WEIGHT)^1.5, since the work of one
   * step grows faster than the size of its numbers (((x + 10^300) + 14^x)^34 spent 225 µs a step, on
   * coefficients of 34,000 bits, where linear weights charged 83).
   */
  run<T>(what: string, work: (run: CasRun) => T, maxTicks?: number): T {
    return casRun(this.budget, what, work, Math.max(1, (this.#bits / BITS_PER_STEP_WEIGHT) ** 1.5), maxTicks);
  }

  text(json: Json): string {
    return toText(json, this.names);
  }

  latex(json: Json): string {
    return toLatex(json, this.names);
  }

  /** LaTeX's variables go through the same renaming as typed ones. */
  #fromLatex(json: Json): Json {
    // Capitalised words (RealNumbers, Integers) are the engine's sets; other names are variables.
    const variable = (s: string) => NAME.test(s) && !/^[A-Z][a-z]/.test(s) && !Object.hasOwn(ENGINE_CONSTANTS, s);
    return mapTree(json, (node) => (isSymbol(node) && variable(node) ? this.names.engine(node) : node));
  }
}
