/**
 * @module The math tools, in the order tools/list shows them.
 */
import type { ToolDefinition } from "../registry.ts";
import { evaluateTool } from "./evaluate.ts";
import { variablesTool } from "./variables.ts";

export const mathTools: ToolDefinition[] = [evaluateTool, variablesTool];
