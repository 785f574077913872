/**
 * @module POST /mcp of the seed API: one call in a throwaway session of the room, answered
 * `{result, timestamp}` (or a status and `{error}`), through the same engine as every other call.
 */
import type { SeedCallBody, SeedServerEnvelope } from "../../shared/seed.ts";
import { LATEST_PROTOCOL_VERSION } from "../../shared/mcp.ts";
import type { McpEngine } from "../engine/engine.ts";
import { newSessionState } from "../engine/session-state.ts";
import type { Access } from "../http/access.ts";
import { newSessionId } from "../ids.ts";
import type { RoomInfo } from "../log/room-meta.ts";
import type { ToolRegistry } from "../tools/registry.ts";
import { SeedTransport } from "./seed-transport.ts";

export type SeedCallRoom = { name: string; info: RoomInfo; engine: McpEngine; tools: ToolRegistry; access: Access };
/** What the Worker answers: a status and a JSON body, serialized once, here. */
export type SeedCallAnswer = { status: number; json: string };

const answer = (status: number, body: unknown): SeedCallAnswer => ({ status, json: JSON.stringify(body) });

const READ_ONLY = "Forbidden: a viewer key only watches this room; calling tools takes the writer key";

export function seedCall(request: SeedCallBody["request"], room: SeedCallRoom): Promise<SeedCallAnswer> {
  if (room.access === "read" && request.method !== "discover") return Promise.resolve(answer(403, { error: READ_ONLY }));
  return new Promise((resolve) => {
    const reply = (envelope: SeedServerEnvelope) =>
      resolve(
        envelope.type === "mcp_response"
          ? answer(200, { result: envelope.result, timestamp: envelope.timestamp })
          : answer(400, { error: envelope.type === "error" ? envelope.error : "unexpected answer", timestamp: new Date().toISOString() }),
      );
    const transport = new SeedTransport(reply, room.tools);
    const state = {
      ...newSessionState(newSessionId(room.name), "seed", room.info.name),
      initialized: true,
      protocolVersion: LATEST_PROTOCOL_VERSION,
      access: room.access,
    };
    room.engine.connect(transport, state);
    transport.receive(JSON.stringify({ type: "mcp_request", request }));
  });
}
