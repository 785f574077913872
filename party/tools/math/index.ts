/**
 * @module The math tools, in the order tools/list shows them.
 */
import type { ToolDefinition } from "../registry.ts";
import { evaluateTool } from "./evaluate.ts";
import { variablesTool } from "./variables.ts";
import { derivativeTool, simplifyTool } from "./symbolic.ts";
import { solveTool } from "./solve.ts";
import { integrateTool } from "./integrate.ts";
import { statisticsTool } from "./statistics.ts";
import { matrixTool } from "./matrix.ts";
import { convertTool } from "./convert.ts";
import { plotTool } from "./plot.ts";

export const mathTools: ToolDefinition[] = [evaluateTool, variablesTool, simplifyTool, derivativeTool, solveTool, integrateTool, statisticsTool, matrixTool, convertTool, plotTool];
