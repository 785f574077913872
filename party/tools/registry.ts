/**
 * @module The tool registry: one way to define a tool; it answers tools/list and runs tools/call.
 */
import * as z from "zod";
import { ErrorCode, McpError } from "../engine/errors.ts";
import { ToolError } from "./tool-error.ts";
import type { RoomServices } from "./context.ts";
import type { LoggingLevel } from "../../shared/mcp.ts";
import { CallInterrupt } from "./interrupt.ts";
import type { InputRequests, InputResponses } from "./interrupt.ts";

export type ToolAnnotations = {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
};

export type ToolContext = {
  /** Aborted when the caller cancels; long work checks it and stops. */
  signal: AbortSignal;
  /** Reports progress to a caller that asked for it (a no-op otherwise). */
  progress(progress: number, total?: number, message?: string): void;
  /** Sends the caller a log message (notifications/message), if its log level lets it through. */
  log(level: LoggingLevel, data: unknown): void;
  /** Asks the caller's client something (sampling/createMessage, elicitation/create) and awaits the answer. */
  request(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * Asks the caller's client for several inputs at once, under keys the tool chooses, and resolves with
   * every answer. A legacy session asks with server-to-client requests; a modern request is answered
   * with an InputRequiredResult and run again from the top when the client retries with the answers
   * (so a handler asks before it changes anything); inside a task, the task waits for `tasks/update`.
   */
  ask(requests: InputRequests): Promise<InputResponses>;
  /**
   * From here on the call may go on as a task, when its tool supports tasks and the client declared
   * the tasks extension on this request; otherwise (and inside the task itself) it simply goes on.
   */
  background(): Promise<void>;
  /** Lets go of the caller's connection while the work goes on; it resumes for the answer (HTTP only). */
  closeStream?(): void;
  /** What the caller's client declared it can do: at initialize (legacy), or on this very request (modern). */
  capabilities: Record<string, unknown>;
  room: RoomServices;
};

export type TextContent = { type: "text"; text: string };
/** An image block, e.g. a plot: base64 data and its MIME type (`image/svg+xml`). */
export type ImageContent = { type: "image"; data: string; mimeType: string };
export type AudioContent = { type: "audio"; data: string; mimeType: string };
/** A resource embedded in a result. */
export type EmbeddedResource = { type: "resource"; resource: { uri: string; mimeType?: string; text?: string; blob?: string } };
export type ExtraContent = ImageContent | AudioContent | EmbeddedResource;

/**
 * What a handler returns: the text block a person reads, any further blocks, and the structured value
 * (required when the tool declares an outputSchema).
 */
export type ToolOutput<O> = { text: string; content?: ExtraContent[]; structured?: O };

export type ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> = {
  name: string;
  title: string;
  /** Written for a model that must choose between tools. */
  description: string;
  inputSchema: I;
  /** The shape of `structuredContent`; a tool that answers only content blocks leaves it out. */
  outputSchema?: O;
  annotations?: ToolAnnotations;
  /**
   * Long work that may run as a task (the tasks extension): "optional" runs as a task for clients that
   * declare the extension, "required" refuses other clients with -32021. `when` says which calls start
   * as a task at once (default: all); a handler may also go async later with `background()`.
   */
  task?: { support: "optional" | "required"; when?: (args: Record<string, unknown>) => boolean };
  handler: (args: z.output<I>, context: ToolContext) => ToolOutput<z.output<O>> | Promise<ToolOutput<z.output<O>>>;
  /**
   * The input schema as tools/list shows it, where it says more than zod's JSON Schema can (composition
   * and conditional keywords); arguments are still checked against `inputSchema`.
   */
  listedInputSchema?: Record<string, unknown>;
};

export type CallToolResult = {
  /** The text block always comes first. */
  content: [TextContent, ...ExtraContent[]];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

type ListedTool = {
  name: string;
  title: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: ToolAnnotations;
};

/** Identity function that keeps a tool's input and output types tied to its handler. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: ToolDefinition<I, O>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}

export class ToolRegistry {
  readonly #tools = new Map<string, ToolDefinition>();
  #listed: ListedTool[] | undefined;

  register(...tools: ToolDefinition[]): this {
    for (const tool of tools) {
      if (this.#tools.has(tool.name)) throw new Error(`Tool ${tool.name} is registered twice`);
      this.#tools.set(tool.name, tool);
    }
    this.#listed = undefined;
    return this;
  }

  has(name: string): boolean {
    return this.#tools.has(name);
  }

  get(name: string): ToolDefinition | undefined {
    return this.#tools.get(name);
  }

  /** The tools as tools/list shows them; JSON Schema comes from the zod schemas, computed once. */
  list(): readonly ListedTool[] {
    this.#listed ??= [...this.#tools.values()].map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.listedInputSchema ?? z.toJSONSchema(tool.inputSchema, { io: "input" }),
      ...(tool.outputSchema ? { outputSchema: z.toJSONSchema(tool.outputSchema, { io: "output" }) } : {}),
      ...(tool.annotations ? { annotations: { title: tool.title, ...tool.annotations } } : {}),
    }));
    return this.#listed;
  }

  /**
   * Runs a tool. An unknown name is a protocol error (-32602); bad arguments and domain errors are
   * `isError` results the caller's model can correct itself from (MCP 2025-11-25, SEP-1303).
   */
  async call(name: string, args: unknown, context: ToolContext): Promise<CallToolResult> {
    const tool = this.#tools.get(name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    const parsed = tool.inputSchema.safeParse(args ?? {}, { reportInput: true });
    if (!parsed.success) return errorResult(`${name}: ${describeIssues(parsed.error)}`);
    try {
      const output = await tool.handler(parsed.data, context);
      const content: CallToolResult["content"] = [{ type: "text", text: output.text }, ...(output.content ?? [])];
      return output.structured === undefined ? { content } : { content, structuredContent: output.structured as Record<string, unknown> };
    } catch (error) {
      if (error instanceof CallInterrupt) throw error;
      if (error instanceof ToolError) return errorResult(`${name}: ${error.message}`);
      // A protocol error met inside a tool (say, the client cannot sample) is still the tool's failure.
      if (error instanceof McpError) return errorResult(`${name}: ${error.message}`);
      console.error(`tool ${name} failed:`, error);
      return errorResult(`${name}: the tool failed unexpectedly`);
    }
  }
}

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/** Zod's issues as sentences a model can correct its call from ("b is required (a number)"). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join(".");
      if (issue.code === "unrecognized_keys") return `unknown argument${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
      if (issue.code === "invalid_type" && path) {
        return issue.input === undefined
          ? `${path} is required (${article(issue.expected)})`
          : `${path} must be ${article(issue.expected)}, not ${describeValue(issue.input)}`;
      }
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return article(typeof value);
}
