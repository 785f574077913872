/**
 * @module mathjs expressions as LaTeX, loaded when a person first types a calculation or the log first
 * shows one (never with the first load): mathjs's own parser, so what parses here is exactly what the
 * room's `evaluate` accepts, and its own LaTeX printer, the one the room's results are written with.
 */
import { create, parseDependencies } from "mathjs";
import type { FactoryFunctionMap, MathNode } from "mathjs";

const math = create({ parseDependencies } as FactoryFunctionMap);

type Named = MathNode & { name: string; args: MathNode[]; fn: { name?: string } };

/** How each symbol is written, by name: the same few names come back in every expression. */
const symbols = new Map<string, string | undefined>();

/**
 * Where mathjs's LaTeX is not the textbook's: a symbol of more than one letter that mathjs does not
 * know is a name, set upright (`\\mathrm{speed}`), and the factorial of a number or a name is `n!`.
 */
function textbook(node: MathNode, options?: object): string | undefined {
  const named = node as Named;
  if (node.type === "SymbolNode") {
    if (!symbols.has(named.name)) {
      // mathjs writes a name it has no LaTeX for as the name itself, italic letter by letter.
      const upright = /^[A-Za-z]{2,}$/.test(named.name) && node.toTex().trim() === named.name;
      if (symbols.size > 10_000) symbols.clear();
      symbols.set(named.name, upright ? `\\mathrm{${named.name}}` : undefined);
    }
    return symbols.get(named.name);
  }
  if (node.type === "FunctionNode" && named.fn.name === "factorial" && named.args.length === 1) {
    const [arg] = named.args;
    if (arg!.type === "ConstantNode" || arg!.type === "SymbolNode") return `${arg!.toTex(options)}!`;
  }
  return undefined;
}

export type Typeset = { tex: string } | { error: string; at?: number };

/**
 * The expression (one or more statements, as `evaluate` takes them) in LaTeX, or why it does not parse
 * and where (`at`, a 0-based index into the text).
 */
export function expressionTex(expression: string): Typeset {
  try {
    const node = math.parse(expression);
    return { tex: node.toTex({ parenthesis: "keep", implicit: "hide", handler: textbook }) };
  } catch (error) {
    const char = (error as { char?: unknown }).char;
    return { error: (error as Error).message, ...(typeof char === "number" ? { at: Math.max(0, char - 1) } : {}) };
  }
}

/** The statements of a block (`r = 2; pi r^2`), each in LaTeX, with what kind each is. */
export function statementsTex(expression: string): { tex: string; assigns?: string }[] | { error: string } {
  try {
    const node = math.parse(expression);
    const statements = node.type === "BlockNode" ? (node as MathNode & { blocks: { node: MathNode }[] }).blocks.map((b) => b.node) : [node];
    return statements.map((statement) => {
      const tex = statement.toTex({ parenthesis: "keep", implicit: "hide", handler: textbook });
      if (statement.type === "AssignmentNode") {
        const target = (statement as MathNode & { object: MathNode; index?: unknown }).object;
        if (target.type === "SymbolNode" && !(statement as { index?: unknown }).index) {
          return { tex, assigns: target.toTex({ handler: textbook }) };
        }
      }
      return { tex };
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
}
