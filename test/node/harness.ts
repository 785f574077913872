/**
 * The math tools called through a ToolRegistry in Node, where time is real: for the tests that measure.
 */
import { ToolRegistry } from "../../party/tools/registry.ts";
import type { CallToolResult, ToolContext } from "../../party/tools/registry.ts";
import { mathTools } from "../../party/tools/math/index.ts";
import type { VariableStore } from "../../party/tools/context.ts";
import { memoryVariables } from "../workerd/memory-variables.ts";

export const registry = new ToolRegistry().register(...mathTools);

export type Structured = { value: string; type: string; latex?: string; [key: string]: unknown };

export function nodeRoom(variables: VariableStore = memoryVariables()) {
  return {
    variables,
    call: (name: string, args: Record<string, unknown>): Promise<CallToolResult> =>
      registry.call(name, args, {
        signal: new AbortController().signal,
        progress: () => {},
        log: () => {},
        request: () => Promise.reject(new Error("no client in these tests")),
        ask: () => Promise.reject(new Error("no client in these tests")),
        background: () => Promise.resolve(),
        closeStream: () => {},
        capabilities: {},
        room: { variables, participant: "t" },
      } as ToolContext),
  };
}

/** The structured result of a call, or its error text. */
export function outcome(result: CallToolResult): { ok: true; value: Structured } | { ok: false; error: string } {
  if (result.isError) return { ok: false, error: (result.content[0] as { text: string }).text };
  return { ok: true, value: result.structuredContent as Structured };
}
