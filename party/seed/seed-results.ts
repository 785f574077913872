/**
 * @module The seed's answer shapes: `{result, operation, ...arguments}` and `discover`'s tool list.
 */
import type { CallToolResult, ToolRegistry } from "../tools/registry.ts";

/** A tool result in the seed's shape; `log` names its operation `ln` or `log_base`, as the seed did. */
export function seedResult(tool: string, args: Record<string, unknown>, result: CallToolResult): Record<string, unknown> {
  const value = result.structuredContent?.value;
  if (tool === "log") {
    return { result: value, operation: args.base === undefined ? "ln" : "log_base", value: args.value, base: args.base };
  }
  return { result: value, operation: tool, ...args };
}

/** `discover`: every tool, in the seed's `{name, description, parameters}` form. */
export function discover(tools: ToolRegistry): { tools: { name: string; description: string; parameters: unknown }[] } {
  return { tools: tools.list().map((t) => ({ name: t.name, description: t.description, parameters: t.inputSchema })) };
}
