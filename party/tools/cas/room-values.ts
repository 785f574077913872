/**
 * @module The room's variables as algebra sees them: a value becomes its exact number (the literal it
 * is stored as), a function its body, inlined where it is called.
 */
import type { MathNode } from "mathjs";
import type { VariableStore } from "../context.ts";
import { ToolError } from "../tool-error.ts";
import { parseChecked } from "../math/expression.ts";
import { fromMathjs } from "./from-mathjs.ts";
import type { RoomEntry, RoomLookup } from "./from-mathjs.ts";

/** Looks room names up as they are needed; each definition is read once per call. */
export function roomLookup(store: VariableStore): RoomLookup {
  const seen = new Map<string, RoomEntry | undefined>();
  return (name) => {
    if (seen.has(name)) return seen.get(name);
    const variable = store.get(name);
    let entry: RoomEntry | undefined;
    if (variable) {
      const { node } = parseChecked(variable.definition, "bignumber", { trusted: true, maxNodes: Number.POSITIVE_INFINITY });
      entry = variable.kind === "function" ? functionEntry(node) : valueEntry(name, node);
    }
    seen.set(name, entry);
    return entry;
  };
}

function functionEntry(node: MathNode): RoomEntry {
  const definition = node as MathNode & { params: string[]; expr: MathNode };
  return { kind: "function", params: definition.params, body: definition.expr };
}

/** `r = 7`, `q = (1/3)`, `z = complex(1, 2)`: the right side, exactly. */
function valueEntry(name: string, node: MathNode): RoomEntry {
  const value = (node as MathNode & { value?: MathNode }).value;
  if (!value) throw new ToolError(`the room variable ${name} cannot be read`);
  try {
    return { kind: "value", json: fromMathjs(value, { what: `the room variable ${name}`, arrays: true }) };
  } catch {
    throw new ToolError(`the room variable ${name} holds a value algebra cannot use (only numbers); rename it or choose another name`);
  }
}
