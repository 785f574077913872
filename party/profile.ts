/**
 * @module What a kind of room serves: its identity, tools, prompts and resources. Rooms differ only by this.
 */
import type { Implementation } from "./engine/engine.ts";
import type { EventLog } from "./log/event-log.ts";
import type { PromptRegistry } from "./prompts/registry.ts";
import type { ResourceRegistry } from "./resources/registry.ts";
import type { VariableStore } from "./tools/context.ts";
import type { Participant } from "../shared/events.ts";

/** What a room's resources can read. */
export type RoomData = { room: string; log: EventLog; variables: VariableStore; participants: () => Participant[] };
import type { ToolRegistry } from "./tools/registry.ts";

export type RoomProfile = {
  serverInfo: Implementation;
  instructions?: string;
  tools: ToolRegistry;
  prompts?: PromptRegistry;
  /** Built per room: resources read that room's log, variables and participants. */
  resources?: (data: RoomData) => ResourceRegistry;
};
