/**
 * @module Who the server says it is, and the tools every room serves.
 */
import { ToolRegistry } from "./tools/registry.ts";
import type { ToolDefinition } from "./tools/registry.ts";
import { seedTools } from "./tools/seed.ts";
import { noteTool } from "./tools/note.ts";
import { mathTools } from "./tools/math/index.ts";
import { mathPrompts } from "./prompts/math-prompts.ts";
import { roomResources } from "./resources/room-resources.ts";
import type { RoomProfile } from "./profile.ts";

export const SERVER_INFO = { name: "math-mcp", title: "math-mcp", version: "0.1.0" };

export const INSTRUCTIONS =
  "A shared math room. Every tool call is written to the room's log and shown live to everyone in the room. " +
  "Arithmetic: add, subtract, multiply, divide, power; sqrt; sin, cos, tan (radians); log (natural, or to a base). " +
  "evaluate runs mathjs expressions in number, bignumber (exact decimals) or fraction (exact rationals) mode; its " +
  "assignments (r = 7, f(x) = x^2 + 1) are room variables every participant can use, listed and cleared with variables. " +
  "evaluate's mode exact gives exact values (sin(pi/6) = 1/2). simplify, derivative, integrate (antiderivatives and " +
  "definite integrals), limit, series, factor, expand, partial_fractions, gcd and lcm work exactly with a computer algebra " +
  "engine, every answer checked numerically; solve finds identities, every root with its multiplicity, real roots of any " +
  "equation, and solves systems and differential equations (dsolve too). statistics, matrix (exact by default) and convert " +
  "(units, 2019 SI) do what they say; plot draws curves as an SVG image. Expressions use mathjs syntax or LaTeX. " +
  "note writes Markdown with $…$ LaTeX to the log, to explain a step or ask a question.";

/** How many numbers a statistics call holds (its data, or both lists of a correlation). */
const valuesIn = (data: unknown): number => (Array.isArray(data) ? data.reduce((n: number, item) => n + (Array.isArray(item) ? item.length : 1), 0) : 0);

/**
 * Long work — the tools that report progress — runs as a task for a client that declares the tasks
 * extension: plots, integrals, and statistics of more than 5,000 values. Other calls answer at once.
 */
const LONG_WORK: Record<string, ToolDefinition["task"]> = {
  plot: { support: "optional" },
  integrate: { support: "optional" },
  statistics: { support: "optional", when: (args) => valuesIn(args.data) > 5000 },
};

/** Built once per isolate: the tools are the same in every room, and so is their tools/list answer. */
export const toolRegistry = new ToolRegistry().register(
  ...seedTools,
  ...mathTools.map((tool) => (LONG_WORK[tool.name] ? { ...tool, task: LONG_WORK[tool.name] } : tool)),
  noteTool,
);

/** What every math room serves. */
export const mathProfile: RoomProfile = {
  serverInfo: SERVER_INFO,
  instructions: INSTRUCTIONS,
  tools: toolRegistry,
  prompts: mathPrompts,
  resources: roomResources,
};
