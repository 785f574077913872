/**
 * @module What a kind of room serves: its identity, tools, prompts and resources. Rooms differ only by this.
 */
import type { Implementation } from "./engine/engine.ts";
import type { EventLog } from "./log/event-log.ts";
import type { PromptRegistry } from "./prompts/registry.ts";
import type { ResourceRegistry } from "./resources/registry.ts";
import type { VariableStore } from "./tools/context.ts";
import type { Participant } from "../shared/events.ts";

import type { ToolRegistry } from "./tools/registry.ts";

/** What a room's resources read of its log. */
export type LogReader = Pick<EventLog, "firstSeq" | "lastSeq" | "recent" | "page">;
/** What a room's resources can read (`room` is null where no room is named: the stateless front of /mcp). */
export type RoomData = { room: string | null; log: LogReader; variables: VariableStore; participants: () => Participant[] };

export type RoomProfile = {
  serverInfo: Implementation;
  instructions?: string;
  tools: ToolRegistry;
  prompts?: PromptRegistry;
  /** Whether its tool and prompt lists can change (modern listens that ask are told). Default false. */
  listChanged?: boolean;
  /** Built per room: resources read that room's log, variables and participants. */
  resources?: (data: RoomData) => ResourceRegistry;
};
