/**
 * @module The zod validation the room runs per tools/call, on its own: the JSON-RPC request schema (the
 * room's own, from shared/), the tools/call params, and the `add` tool's input. Used by the floor variant
 * that adds it and by the bench's in-process measure of it.
 */
import { z } from "zod";
import { JSONRPCRequestSchema } from "../../shared/jsonrpc.ts";

// The same shapes as the room's tools/call params and its `add` tool's input.
const CallParams = z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()).optional() });
const AddInput = z.strictObject({ a: z.number().describe("The first operand"), b: z.number().describe("The second operand") });

export type ValidCall = { id: string | number; params: z.output<typeof CallParams> };

/** Checks a parsed frame as the room does; throws on a frame the room would refuse. */
export function validateCall(value: unknown): ValidCall {
  const request = JSONRPCRequestSchema.parse(value);
  const params = CallParams.parse(request.params);
  AddInput.parse(params.arguments ?? {}, { reportInput: true });
  return { id: request.id, params };
}
