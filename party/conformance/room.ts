/**
 * @module The conformance fixture room: the same Room and engine, serving what the official MCP
 * conformance suite calls for. Reached at /conformance/mcp in test configurations only (worker.ts).
 */
import { Room } from "../room.ts";
import type { RoomProfile } from "../profile.ts";
import { SERVER_INFO } from "../server-info.ts";
import { conformancePrompts, conformanceResources } from "./content.ts";
import { conformanceTools } from "./tools.ts";

export const conformanceProfile: RoomProfile = {
  serverInfo: { ...SERVER_INFO, name: "math-mcp-conformance", title: "math-mcp conformance fixture" },
  tools: conformanceTools,
  prompts: conformancePrompts,
  resources: () => conformanceResources,
  // The suite's listen scenarios change the lists (test_trigger_*) and expect to hear of it.
  listChanged: true,
};

export class ConformanceRoom extends Room {
  static override profile = conformanceProfile;
}
