/**
 * @module The conformance suite's tools for the tasks extension (`tasks-*` scenarios): a quick tool, a
 * slow one that can be cancelled, one that fails as a tool and one as a protocol error, tools that wait
 * for input inside their task, and one that asks first (multi round-trip) and then goes async.
 */
import * as z from "zod";
import { ErrorCode, McpError } from "../engine/errors.ts";
import { ProtocolFailure } from "../tools/interrupt.ts";
import { defineTool } from "../tools/registry.ts";
import type { ToolDefinition } from "../tools/registry.ts";
import { ToolError } from "../tools/tool-error.ts";
import { elicit, field } from "./mrtr-tools.ts";

/** Waits, unless the call is cancelled first. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()));
  });

export const taskTools: ToolDefinition[] = [
  defineTool({
    name: "greet",
    title: "Greet",
    description: "Greets by name, at once (never a task).",
    inputSchema: z.object({ name: z.string() }),
    handler: ({ name }) => ({ text: `Hello, ${name}!` }),
  }),
  defineTool({
    name: "slow_compute",
    title: "Slow computation",
    description: "Waits the given seconds, then answers; a task (unless 0 seconds), and it stops when cancelled.",
    inputSchema: z.object({ seconds: z.number().min(0).max(300), label: z.string().optional() }),
    task: { support: "optional", when: (args) => Number(args.seconds) > 0 },
    handler: async ({ seconds, label }, { signal }) => {
      await sleep(seconds * 1000, signal);
      return { text: `Computed ${label ?? "result"} after ${seconds} s` };
    },
  }),
  defineTool({
    name: "failing_job",
    title: "Failing job",
    description: "Runs only as a task, and fails as a tool (isError) after about a second.",
    inputSchema: z.object({}),
    task: { support: "required" },
    handler: async (_args, { signal }) => {
      await sleep(1000, signal);
      throw new ToolError("the job failed, as it always does");
    },
  }),
  defineTool({
    name: "protocol_error_job",
    title: "Protocol error job",
    description: "A task that ends in a JSON-RPC error (status failed).",
    inputSchema: z.object({}),
    task: { support: "optional" },
    handler: () => {
      throw new ProtocolFailure(new McpError(ErrorCode.InternalError, "protocol_error_job: an internal error, on purpose"));
    },
  }),
  defineTool({
    name: "confirm_delete",
    title: "Confirm a deletion",
    description: "A task that asks the user to confirm before it (pretends to) delete a file.",
    inputSchema: z.object({ filename: z.string() }),
    task: { support: "optional" },
    handler: async ({ filename }, { ask }) => {
      const { confirm } = await ask({ confirm: elicit(`Delete ${filename}?`, "confirm", "boolean") });
      const yes = (confirm?.content as { confirm?: unknown } | undefined)?.confirm === true && confirm?.action === "accept";
      return { text: yes ? `Deleted ${filename}` : `Kept ${filename}` };
    },
  }),
  defineTool({
    name: "multi_input",
    title: "Two inputs",
    description: "A task that asks two questions at once.",
    inputSchema: z.object({}),
    task: { support: "optional" },
    handler: async (_args, { ask }) => {
      const answers = await ask({ first_name: elicit("First name?", "name"), favorite_color: elicit("Favourite colour?", "color") });
      return { text: `${field(answers.first_name, "name")} likes ${field(answers.favorite_color, "color")}` };
    },
  }),
  defineTool({
    name: "test_tool_with_task",
    title: "Ask, then go async",
    description: "Asks the user's name (multi round-trip), then finishes as a task.",
    inputSchema: z.object({}),
    task: { support: "required", when: () => false },
    handler: async (_args, { ask, background }) => {
      const { user_name } = await ask({ user_name: elicit("What is your name?", "name") });
      await background();
      return { text: `Hello, ${field(user_name, "name")}! (finished as a task)` };
    },
  }),
];
