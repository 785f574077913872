/**
 * @module POST /mcp of the seed API: one call in a throwaway session of the room, answered
 * `{result, timestamp}` (or a status and `{error}`), through the same engine as every other call.
 */
import { SeedCallBodySchema } from "../../shared/seed.ts";
import type { SeedServerEnvelope } from "../../shared/seed.ts";
import { LATEST_PROTOCOL_VERSION } from "../../shared/mcp.ts";
import type { McpEngine } from "../engine/engine.ts";
import { newSessionState } from "../engine/session-state.ts";
import { problem } from "../http/problem.ts";
import { newSessionId } from "../ids.ts";
import type { RoomInfo } from "../log/room-meta.ts";
import type { ToolRegistry } from "../tools/registry.ts";
import { SeedTransport } from "./seed-transport.ts";

export type SeedCallRoom = { name: string; info: RoomInfo | undefined; engine: McpEngine; tools: ToolRegistry };

export async function seedCall(body: unknown, room: SeedCallRoom): Promise<Response> {
  if (!room.info) return problem(404, `Agent not found: ${room.name}; create one with POST /agent`);
  const parsed = SeedCallBodySchema.pick({ request: true }).safeParse(body);
  if (!parsed.success) return problem(400, "Invalid request: send {agentId, request: {method, params}}");
  const agentName = room.info.name;
  return new Promise((resolve) => {
    const answer = (envelope: SeedServerEnvelope) =>
      resolve(
        envelope.type === "mcp_response"
          ? Response.json({ result: envelope.result, timestamp: envelope.timestamp })
          : Response.json({ error: envelope.type === "error" ? envelope.error : "unexpected answer", timestamp: new Date().toISOString() }, { status: 400 }),
      );
    const transport = new SeedTransport(answer, room.tools);
    const state = { ...newSessionState(newSessionId(room.name), "seed", agentName), initialized: true, protocolVersion: LATEST_PROTOCOL_VERSION };
    room.engine.connect(transport, state);
    transport.receive(JSON.stringify({ type: "mcp_request", request: parsed.data.request }));
  });
}
