/**
 * @module Resources, prompts and completion: the methods that exist when the room registers them (both
 * eras; subscriptions are the legacy session's, or a modern listen's).
 */
import * as z from "zod";
import { ErrorCode, McpError } from "./errors.ts";
import type { McpEngine, MethodHandler } from "./engine.ts";
import { parse } from "./params.ts";

const UriParams = z.object({ uri: z.string().min(1).max(2048) });
const GetPromptParams = z.object({ name: z.string(), arguments: z.record(z.string(), z.string()).optional() });
const CompleteParams = z.object({
  ref: z.discriminatedUnion("type", [
    z.object({ type: z.literal("ref/prompt"), name: z.string() }),
    z.object({ type: z.literal("ref/resource"), uri: z.string() }),
  ]),
  argument: z.object({ name: z.string(), value: z.string() }),
  context: z.object({ arguments: z.record(z.string(), z.string()).optional() }).optional(),
});

/** Completion answers at most this many values (the spec's limit). */
const MAX_COMPLETIONS = 100;

export function resourceMethods(engine: McpEngine): Record<string, MethodHandler> {
  const { resources, prompts } = engine.options;
  const methods: Record<string, MethodHandler> = {};
  if (resources) {
    methods["resources/list"] = async () => ({ resources: resources.list() });
    methods["resources/templates/list"] = async () => ({ resourceTemplates: resources.listTemplates() });
    methods["resources/read"] = async (params) => ({ contents: await resources.read(parse(UriParams, params, "resources/read").uri) });
  }
  if (prompts) {
    methods["prompts/list"] = async () => ({ prompts: prompts.list() });
    methods["prompts/get"] = async (params, context) => {
      const { name, arguments: args = {} } = parse(GetPromptParams, params, "prompts/get");
      return prompts.get(name, args, { ask: context.ask });
    };
  }
  if (resources || prompts) {
    methods["completion/complete"] = async (params) => {
      const { ref, argument, context } = parse(CompleteParams, params, "completion/complete");
      let values: string[];
      if (ref.type === "ref/prompt") {
        if (!prompts) throw new McpError(ErrorCode.InvalidParams, "This server has no prompts");
        values = prompts.complete(ref.name, argument.name, argument.value, context?.arguments ?? {});
      } else {
        if (!resources) throw new McpError(ErrorCode.InvalidParams, "This server has no resources");
        values = resources.complete(ref.uri, argument.name, argument.value);
      }
      return { completion: { values: values.slice(0, MAX_COMPLETIONS), total: values.length, hasMore: values.length > MAX_COMPLETIONS } };
    };
  }
  return methods;
}
