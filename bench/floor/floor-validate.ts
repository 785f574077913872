/**
 * @module The floor plus the zod validation the room runs per tools/call: the JSON-RPC request schema
 * (the room's own, from shared/), the tools/call params, and the tool's input schema. Its difference
 * from the floor is the cost of validation.
 */
import { z } from "zod";
import { JSONRPCRequestSchema } from "../../shared/jsonrpc.ts";
import { Floor } from "./floor.ts";
import type { FloorRequest } from "./floor.ts";

// The same shapes as the room's tools/call params and its `add` tool's input.
const CallParams = z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()).optional() });
const AddInput = z.strictObject({ a: z.number().describe("The first operand"), b: z.number().describe("The second operand") });

export class FloorValidate extends Floor {
  protected override accept(value: unknown): FloorRequest {
    const request = JSONRPCRequestSchema.parse(value);
    const params = CallParams.parse(request.params);
    AddInput.parse(params.arguments ?? {}, { reportInput: true });
    return { id: request.id, params };
  }
}
