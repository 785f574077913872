/**
 * @module What a tool may use of its room besides its arguments.
 */

/** A room variable or function, kept as the source that defines it (`r = 7`, `f(x) = x^2 + 1`). */
export type Variable = {
  name: string;
  kind: "value" | "function";
  /** The assignment's source, re-evaluated to rebuild the scope: `r = 7`, `f(x) = x^2 + 1`. */
  definition: string;
  /** The value as text for people (`7`, `f(x) = x ^ 2 + 1`). */
  display: string;
  /** Who set it last. */
  by: string;
  /** When, ISO 8601. */
  at: string;
};

/** The room's variables, durable in its storage and shared by every participant. */
export interface VariableStore {
  /** In the order they were first defined. */
  list(): Variable[];
  get(name: string): Variable | undefined;
  set(variable: Variable): void;
  delete(name: string): boolean;
  /** Removes every variable; answers how many there were. */
  clear(): number;
}

export type RoomServices = {
  variables: VariableStore;
  /** The caller's name, as the log shows it. */
  participant: string;
  /** Tells clients following the room (modern listens that asked) that a list changed. */
  listChanged?(list: "tools" | "prompts"): void;
};
