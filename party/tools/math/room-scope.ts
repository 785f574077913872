/**
 * @module The scope an expression runs in: the room's variables rebuilt from their stored definitions,
 * and, after a successful evaluation, the names it assigned written back to the room.
 */
import { isMatrix } from "./kinds.ts";
import type { EvalFunction } from "mathjs";
import { ToolError } from "../tool-error.ts";
import type { Variable, VariableStore } from "../context.ts";
import { Budget } from "./budget.ts";
import { compileChecked, parseChecked, run } from "./expression.ts";
import { mathFor } from "./instances.ts";
import { literal } from "./literal.ts";
import { MAX_DEFINITION_LENGTH, MAX_ROOM_DEFINITIONS, MAX_VARIABLES } from "./limits.ts";
import { show } from "./format.ts";
import type { Mode } from "./values.ts";

/** A Map that remembers which names were assigned since it was filled. */
export class RoomScope extends Map<string, unknown> {
  readonly assigned = new Set<string>();
  #tracking = false;

  track(): this {
    this.#tracking = true;
    return this;
  }

  override set(name: string, value: unknown): this {
    if (this.#tracking) {
      this.assigned.delete(name);
      this.assigned.add(name);
    }
    return super.set(name, value);
  }
}

type Cached = { definition: string; compiled?: EvalFunction; value?: unknown };
/** Per store and mode: parsed definitions, and the values of value definitions, kept between calls. */
const caches = new WeakMap<VariableStore, Map<string, Map<string, Cached>>>();

function cacheFor(store: VariableStore, key: string): Map<string, Cached> {
  let byMode = caches.get(store);
  if (!byMode) caches.set(store, (byMode = new Map()));
  let cache = byMode.get(key);
  if (!cache) {
    // Each precision of the bignumber mode has its own values; keep only the few used lately.
    if (byMode.size >= 4) byMode.delete(byMode.keys().next().value!);
    byMode.set(key, (cache = new Map()));
  }
  return cache;
}

/**
 * Rebuilds the room's variables into a fresh scope. Values are cached by their definition; functions
 * are defined again each time, since a function looks its free variables up in the scope it was
 * defined in. `except` leaves out a name the caller binds itself (a plot's variable).
 */
export function restoreScope(store: VariableStore, mode: Mode, precision: number, except?: string): RoomScope {
  const scope = new RoomScope();
  const cache = cacheFor(store, `${mode}:${precision}`);
  const variables = store.list();
  const live = new Set(variables.map((v) => v.name));
  for (const name of cache.keys()) if (!live.has(name)) cache.delete(name);
  // Definitions are literals and function definitions this service wrote: linear in their size.
  const budget = new Budget(Number.POSITIVE_INFINITY);
  for (const variable of variables) {
    if (variable.name === except) continue;
    let entry = cache.get(variable.name);
    if (entry?.definition !== variable.definition) {
      entry = { definition: variable.definition };
      cache.set(variable.name, entry);
    }
    try {
      if (variable.kind === "value" && entry.value !== undefined) {
        scope.set(variable.name, isMatrix(entry.value) ? entry.value.clone() : entry.value);
        continue;
      }
      entry.compiled ??= compileChecked(
        parseChecked(variable.definition, mode, { trusted: true, maxNodes: Number.POSITIVE_INFINITY }).node,
        budget,
      );
      const compiled = entry.compiled;
      const value = run(budget, () => compiled.evaluate(scope));
      if (variable.kind === "value") {
        entry.value = value;
        scope.set(variable.name, isMatrix(value) ? value.clone() : value);
      }
    } catch {
      // A definition that no longer evaluates (say, in another mode) leaves its name undefined here,
      // so an expression that uses it fails with "r is not defined" instead of every call failing.
      scope.delete(variable.name);
    }
  }
  return scope.track();
}

/** The definition a name's current value is kept as, and how people see it. */
function definitionOf(name: string, value: unknown, mode: Mode): Pick<Variable, "kind" | "definition" | "display"> {
  const fn = value as { syntax?: string; expr?: string } | undefined;
  if (typeof value === "function" && fn?.syntax && fn.expr !== undefined) {
    // `g = f` copies f's body under the new name.
    const params = fn.syntax.slice(fn.syntax.indexOf("("));
    const definition = `${name}${params} = ${fn.expr}`;
    return { kind: "function", definition, display: definition };
  }
  const definition = `${name} = ${literal(name, value)}`;
  if (definition.length > MAX_DEFINITION_LENGTH) {
    throw new ToolError(`${name} is too large to keep as a room variable (its definition would be ${definition.length} characters; at most ${MAX_DEFINITION_LENGTH})`);
  }
  const shown = show(mathFor(mode), value, { mode, summarizeLong: true });
  const display = shown.value.length > 200 ? `${shown.value.slice(0, 200)}…` : shown.value;
  return { kind: "value", definition, display };
}

/** Writes the names the evaluation assigned to the room; all or nothing. Answers the names. */
export function persistAssignments(scope: RoomScope, store: VariableStore, by: string, mode: Mode): string[] {
  const names = [...scope.assigned];
  if (names.length === 0) return [];
  const known = new Set(store.list().map((v) => v.name));
  const added = names.filter((name) => !known.has(name)).length;
  if (known.size + added > MAX_VARIABLES) {
    throw new ToolError(`the room keeps at most ${MAX_VARIABLES} variables and has ${known.size}; delete some with the variables tool`);
  }
  const at = new Date().toISOString();
  const variables = names.map((name) => ({ name, by, at, ...definitionOf(name, scope.get(name), mode) }));
  // Every call rebuilds the scope from these definitions (cached, but parsed again after the room wakes).
  const replaced = new Set(names);
  const total =
    store.list().reduce((sum, v) => sum + (replaced.has(v.name) ? 0 : v.definition.length), 0) +
    variables.reduce((sum, v) => sum + v.definition.length, 0);
  if (total > MAX_ROOM_DEFINITIONS) {
    throw new ToolError(`the room's variables would take ${total} characters, more than the ${MAX_ROOM_DEFINITIONS} a room keeps; delete some with the variables tool`);
  }
  for (const variable of variables) store.set(variable);
  return names;
}
