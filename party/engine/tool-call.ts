/**
 * @module tools/call in either era: who may call, whether the call runs now or as a task, and the one
 * room event every call that ends is written as.
 */
import * as z from "zod";
import { TASKS_EXTENSION } from "../../shared/mcp.ts";
import type { CallToolResult, ToolContext } from "../tools/registry.ts";
import { GoAsync, ProtocolFailure } from "../tools/interrupt.ts";
import { declares, requiredCapabilities } from "../modern/ladder.ts";
import type { Caller } from "./caller.ts";
import { singleRequests } from "./context.ts";
import type { RequestContext } from "./context.ts";
import type { McpEngine } from "./engine.ts";
import { ErrorCode, McpError, toErrorObject } from "./errors.ts";
import { parse } from "./params.ts";

const CallParams = z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()).optional() });

export type ToolRun = {
  name: string;
  args: Record<string, unknown>;
  caller: Caller;
  requestId: string | number;
  /** Told how the call ended, in the same turn as its event is written (a task records its status there). */
  settled?: (outcome: CallOutcome) => void;
};

export type CallOutcome = { result: CallToolResult } | { error: { code: number; message: string; data?: unknown } } | { cancelled: true };

/** The tools/call method: refuses viewers, starts a task where the tool and the client agree, else runs the tool. */
export async function callTool(engine: McpEngine, params: Record<string, unknown>, context: RequestContext): Promise<Record<string, unknown>> {
  const { name, arguments: args = {} } = parse(CallParams, params, "tools/call");
  const { caller, requestId } = context;
  if (caller.access === "read") {
    throw new McpError(ErrorCode.Forbidden, "Read-only: this is a viewer link; it shows the log and who is here, but cannot call tools");
  }
  const support = context.era === "modern" ? engine.options.tools.get(name)?.task : undefined;
  const tasks = support ? engine.options.tasks : undefined;
  const declared = context.envelope !== undefined && declares(context.envelope, `extensions.${TASKS_EXTENSION}`);
  if (support?.support === "required" && !(declared && tasks)) {
    throw new McpError(ErrorCode.MissingRequiredClientCapability, `${name} runs only as a task: declare the ${TASKS_EXTENSION} extension in this request's clientCapabilities`, {
      requiredCapabilities: requiredCapabilities(`extensions.${TASKS_EXTENSION}`),
    });
  }
  const asTask = declared && tasks !== undefined;
  const start = () => tasks!.start({ tool: name, arguments: args, caller, answers: context.gathered ?? {}, requestId });
  if (asTask && (support!.when?.(args) ?? true)) return start();
  try {
    const result = await runTool(engine, { name, args, caller, requestId }, {
      signal: context.signal,
      progress: context.progress,
      log: context.log,
      ask: context.ask,
      request: singleRequests(context.ask),
      closeStream: context.closeStream,
      background: async () => {
        if (asTask) throw new GoAsync();
      },
    });
    if (result) context.log("debug", { tool: name, ok: !result.isError });
    return result ?? {};
  } catch (error) {
    if (error instanceof GoAsync && asTask) return start();
    throw error;
  }
}

/**
 * Runs a tool and writes the one event its call makes (tools/call and tasks alike). Answers undefined
 * when the call was cancelled (its event says so). A protocol error ends the call too (an error event);
 * asking for input and going async end nothing: no event.
 */
export async function runTool(engine: McpEngine, run: ToolRun, context: Omit<ToolContext, "room" | "capabilities">): Promise<CallToolResult | undefined> {
  const { tools, variables, onToolCall } = engine.options;
  const room = { variables, participant: run.caller.name, listChanged: (list: "tools" | "prompts") => engine.listens.listChanged(list) };
  const record = { requestId: run.requestId, tool: run.name, arguments: run.args };
  const failed = (error: McpError) => {
    onToolCall?.({ ...record, error: { message: error.message, code: error.code } }, run.caller);
    run.settled?.({ error: toErrorObject(error) as { code: number; message: string } });
  };
  try {
    const result = await tools.call(run.name, run.args, { ...context, capabilities: run.caller.capabilities, room });
    if (context.signal.aborted) {
      onToolCall?.({ ...record, error: { message: "cancelled by the caller" } }, run.caller);
      run.settled?.({ cancelled: true });
      return undefined;
    }
    const error = result.isError ? { message: result.content[0]?.text ?? "failed" } : undefined;
    onToolCall?.(error ? { ...record, error } : { ...record, result }, run.caller);
    run.settled?.({ result });
    return result;
  } catch (error) {
    if (error instanceof McpError) failed(error);
    if (error instanceof ProtocolFailure) failed(error.error);
    throw error;
  }
}
