/**
 * @module The math tools, in the order tools/list shows them; each loads mathjs (once) before it runs.
 */
import type { ToolDefinition } from "../registry.ts";
import { loadMath } from "./instances.ts";
import { evaluateTool } from "./evaluate.ts";
import { variablesTool } from "./variables.ts";
import { derivativeTool, simplifyTool } from "./symbolic.ts";
import { solveTool } from "./solve.ts";
import { integrateTool } from "./integrate.ts";
import { statisticsTool } from "./statistics.ts";
import { matrixTool } from "./matrix.ts";
import { convertTool } from "./convert.ts";
import { plotTool } from "./plot.ts";
import { expandTool, factorTool, partialFractionsTool } from "./algebra.ts";
import { limitTool, seriesTool } from "./calculus.ts";
import { gcdTool, lcmTool } from "./divisors.ts";
import { dsolveTool } from "./dsolve.ts";

const tools: ToolDefinition[] = [
  evaluateTool, variablesTool, simplifyTool, derivativeTool, solveTool, integrateTool, statisticsTool, matrixTool, convertTool, plotTool,
  limitTool, seriesTool, expandTool, factorTool, partialFractionsTool, gcdTool, lcmTool, dsolveTool,
];

/** Each tool loads mathjs (once) before it runs. */
export const mathTools: ToolDefinition[] = tools.map((tool) => ({
  ...tool,
  handler: async (args, context) => {
    await loadMath();
    return tool.handler(args, context);
  },
}));
