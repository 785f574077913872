/**
 * @module The seed API's message shapes (the original math-mcp demo), kept compatible with its README.
 */
import * as z from "zod";

const SeedRequest = z.object({
  method: z.string().min(1).max(200),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** client → server on /agent/{agentId}/websocket */
export const SeedClientEnvelopeSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("mcp_request"),
    request: SeedRequest,
    requestId: z.union([z.string().max(200), z.number()]).optional(),
  }),
  z.looseObject({ type: z.literal("ping") }),
]);
export type SeedClientEnvelope = z.infer<typeof SeedClientEnvelopeSchema>;

/** POST /mcp with a seed body (told apart from JSON-RPC by having `agentId` and no `jsonrpc`). */
export const SeedCallBodySchema = z.object({
  agentId: z.string().min(1).max(200),
  request: SeedRequest,
  /** A keyed room's writer or viewer key (it may also come as the `Mcp-Room-Key` header or `?key=`). */
  key: z.string().max(200).optional(),
});
export type SeedCallBody = z.infer<typeof SeedCallBodySchema>;

/** POST /agent */
export const SeedCreateBodySchema = z.object({ name: z.string().max(100).optional() });

export type SeedServerEnvelope =
  | { type: "connected"; sessionId: string; agentId: string; timestamp: string }
  | { type: "mcp_response"; requestId?: string | number; result: unknown; timestamp: string }
  | { type: "pong"; timestamp: string }
  | { type: "error"; requestId?: string | number; error: string; timestamp: string }
  | { type: "notification"; payload: unknown; timestamp: string };
