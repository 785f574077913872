/**
 * @module The conformance suite's multi round-trip tools (SEP-2322, `input-required-result-*`): each
 * asks for input under the keys the suite expects, and answers once it has it. The same tools serve
 * legacy sessions, where the input is asked with server-to-client requests.
 */
import * as z from "zod";
import { defineTool } from "../tools/registry.ts";
import type { ToolDefinition } from "../tools/registry.ts";
import type { InputRequest, InputRequests } from "../tools/interrupt.ts";

const none = z.object({});

export const elicit = (message: string, field: string, type = "string"): InputRequest => ({
  method: "elicitation/create",
  params: { message, requestedSchema: { type: "object", properties: { [field]: { type } }, required: [field] } },
});
const sample = (text: string, maxTokens: number): InputRequest => ({
  method: "sampling/createMessage",
  params: { messages: [{ role: "user", content: { type: "text", text } }], maxTokens },
});
const ROOTS: InputRequest = { method: "roots/list", params: {} };

/** A field of an elicitation's answer, as text. */
export const field = (answer: Record<string, unknown> | undefined, name: string) => String((answer?.content as Record<string, unknown> | undefined)?.[name] ?? "");
const sampled = (answer: Record<string, unknown> | undefined) => String((answer?.content as { text?: unknown } | undefined)?.text ?? "");
const rootCount = (answer: Record<string, unknown> | undefined) => (Array.isArray(answer?.roots) ? answer.roots.length : 0);

export const mrtrTools: ToolDefinition[] = [
  defineTool({
    name: "test_input_required_result_elicitation",
    title: "Input: a name",
    description: "Asks the user's name, then greets them.",
    inputSchema: none,
    handler: async (_args, { ask }) => ({ text: `Hello, ${field((await ask({ user_name: elicit("What is your name?", "name") })).user_name, "name")}!` }),
  }),
  defineTool({
    name: "test_input_required_result_sampling",
    title: "Input: a model's answer",
    description: "Asks the client's model a question and answers with its reply.",
    inputSchema: none,
    handler: async (_args, { ask }) => {
      const answers = await ask({ capital_question: sample("What is the capital of France?", 100) });
      return { text: `Sampling result: ${sampled(answers.capital_question)}` };
    },
  }),
  defineTool({
    name: "test_input_required_result_list_roots",
    title: "Input: roots",
    description: "Asks the client for its roots and counts them.",
    inputSchema: none,
    handler: async (_args, { ask }) => ({ text: `Found ${rootCount((await ask({ client_roots: ROOTS })).client_roots)} root(s)` }),
  }),
  defineTool({
    name: "test_input_required_result_request_state",
    title: "Input with request state",
    description: "Asks for a confirmation; the answer comes back with the sealed request state.",
    inputSchema: none,
    handler: async (_args, { ask }) => {
      const { confirm } = await ask({ confirm: elicit("Please confirm", "ok", "boolean") });
      return { text: `state-ok: requestState validated (confirmed: ${field(confirm, "ok")})` };
    },
  }),
  defineTool({
    name: "test_input_required_result_multiple_inputs",
    title: "Input: three at once",
    description: "Asks for a name, a model's greeting and the roots in one round.",
    inputSchema: none,
    handler: async (_args, { ask }) => {
      const answers = await ask({ user_name: elicit("What is your name?", "name"), greeting: sample("Generate a greeting", 50), client_roots: ROOTS });
      return { text: `Name: ${field(answers.user_name, "name")}; Greeting: ${sampled(answers.greeting)}; Roots: ${rootCount(answers.client_roots)}` };
    },
  }),
  defineTool({
    name: "test_input_required_result_multi_round",
    title: "Input over two rounds",
    description: "Asks a name, then (a second round) a favourite colour.",
    inputSchema: none,
    handler: async (_args, { ask }) => {
      const { step1 } = await ask({ step1: elicit("Step 1: What is your name?", "name") });
      const { step2 } = await ask({ step2: elicit("Step 2: What is your favorite color?", "color") });
      return { text: `Multi-round complete for ${field(step1, "name")} who likes ${field(step2, "color")}` };
    },
  }),
  defineTool({
    name: "test_input_required_result_tampered_state",
    title: "Input with sealed state",
    description: "Asks for a confirmation; a changed request state is refused.",
    inputSchema: none,
    handler: async (_args, { ask }) => {
      await ask({ confirm: elicit("Please confirm", "ok", "boolean") });
      return { text: "integrity-ok: state verified" };
    },
  }),
  defineTool({
    name: "test_input_required_result_capabilities",
    title: "Input the client can give",
    description: "Asks only for the kinds of input the client declared (elicitation, sampling).",
    inputSchema: none,
    handler: async (_args, { ask, capabilities }) => {
      const requests: InputRequests = {};
      if (capabilities.elicitation) requests.elicit_input = elicit("Elicitation input", "value");
      if (capabilities.sampling) requests.sample_input = sample("Sample request", 50);
      if (Object.keys(requests).length === 0) return { text: "No supported capabilities declared" };
      const answers = await ask(requests);
      return { text: `capabilities-ok: received ${Object.keys(answers).join(",")}` };
    },
  }),
];
