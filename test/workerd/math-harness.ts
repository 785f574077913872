/**
 * The math tools called through a ToolRegistry, as the engine calls them, with an in-memory room.
 */
import { ToolRegistry } from "../../party/tools/registry.ts";
import type { CallToolResult, ToolContext } from "../../party/tools/registry.ts";
import { mathTools } from "../../party/tools/math/index.ts";
import { loadMath } from "../../party/tools/math/instances.ts";
import { loadCas } from "../../party/tools/cas/engine.ts";
import { beforeAll } from "vitest";
import type { VariableStore } from "../../party/tools/context.ts";
import { memoryVariables } from "./memory-variables.ts";

/**
 * mathjs and the algebra engine load on the first math call; inside workerd that takes seconds the first
 * time (the engine's first instance too), so do it up front.
 */
export function loadMathFirst(): void {
  beforeAll(async () => {
    await Promise.all([loadMath(), loadCas()]);
    await new ToolRegistry().register(...mathTools).call("simplify", { expression: "x" }, warmUp);
  }, 120_000);
}

/** A throwaway call context for warming up the algebra engine. */
const warmUp = {
  signal: new AbortController().signal,
  progress: () => {},
  log: () => {},
  request: () => Promise.reject(new Error("no client")),
  room: { variables: memoryVariables(), participant: "warm-up" },
} as unknown as ToolContext;


export const registry = new ToolRegistry().register(...mathTools);

export type Structured = { value: string; type: string; latex?: string; [key: string]: unknown };

/** A room with one shared variable store; `as(name)` calls as another participant of the same room. */
export function mathRoom(variables: VariableStore = memoryVariables()) {
  const as = (participant: string) => ({
    call: (name: string, args: Record<string, unknown>, context: Partial<ToolContext> = {}): Promise<CallToolResult> =>
      // The math tools use signal, progress and room; the rest of the context is stubbed.
      registry.call(name, args, {
        signal: new AbortController().signal,
        progress: () => {},
        log: () => {},
        request: () => Promise.reject(new Error("no client in these tests")),
        closeStream: () => {},
        room: { variables, participant },
        ...context,
      } as ToolContext),
  });
  return { variables, as, ...as("t") };
}

/** The structured result of a call that must have succeeded. */
export function ok(result: CallToolResult): Structured {
  if (result.isError) throw new Error(`expected success, got: ${result.content[0]?.text}`);
  return result.structuredContent as Structured;
}

/** The message of a call that must have failed. */
export function failure(result: CallToolResult): string {
  if (!result.isError) throw new Error(`expected an error, got: ${JSON.stringify(result.structuredContent)}`);
  return result.content[0]!.type === "text" ? (result.content[0] as { text: string }).text : "";
}
