/**
 * @module One participant's MCP session in a room: the SDK's Client over RoomClientTransport (the same
 * transport any script can use), with the room's own notifications and resources read through the
 * shared schemas. It knows nothing of Lit or the DOM; the room controller turns it into page state.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { CallToolResultSchema, ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import type { CallToolResult, Progress, Tool } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { z } from "zod";
import {
  ParticipantSchema,
  PresenceSchema,
  ReplayInfoSchema,
  ROOM_EVENT_METHOD,
  ROOM_PRESENCE_METHOD,
  ROOM_REPLAY_METHOD,
  RoomEventSchema,
} from "../shared/events.ts";
import type { Participant, ReplayInfo, RoomEvent } from "../shared/events.ts";
import { RoomClientTransport } from "./room-transport.ts";
import type { ConnectionStatus } from "./room-transport.ts";

export const VARIABLES_URI = "room://variables";
export const PARTICIPANTS_URI = "room://participants";
export const CLIENT_NAME = "math-session";

export const RoomVariableSchema = z.object({
  name: z.string(),
  kind: z.enum(["value", "function"]),
  definition: z.string(),
  display: z.string(),
  by: z.string(),
  at: z.string(),
});
export type RoomVariable = z.infer<typeof RoomVariableSchema>;
export type Presence = z.infer<typeof PresenceSchema>;

const LogPageSchema = z.object({
  room: z.string(),
  firstSeq: z.number().nullable(),
  lastSeq: z.number(),
  events: z.array(RoomEventSchema),
});
export type LogExport = { room: string; exportedAt: string; firstSeq: number | null; lastSeq: number; events: RoomEvent[] };

export type RoomClientOptions = {
  /** The room's MCP URL, e.g. `https://math.example/rooms/algebra/mcp`. */
  url: string;
  name?: string;
  /** Replay the log after this seq on joining (0: all of it). */
  since: number;
  version?: string;
};

export type RoomListener = {
  event(event: RoomEvent): void;
  replay(info: ReplayInfo): void;
  presence(presence: Presence): void;
  resourceUpdated(uri: string): void;
  status(status: ConnectionStatus): void;
  error(error: Error): void;
};

const notification = <M extends string, P extends z.ZodType>(method: M, params: P) => z.object({ method: z.literal(method), params });

export class RoomClient {
  readonly #client: Client;
  readonly #transport: RoomClientTransport;

  constructor(options: RoomClientOptions, listener: RoomListener) {
    this.#transport = new RoomClientTransport({ url: options.url, since: options.since, ...(options.name ? { name: options.name } : {}) });
    this.#transport.onstatus = (status) => listener.status(status);
    this.#client = new Client(
      { name: CLIENT_NAME, version: options.version ?? "1.0.0" },
      { capabilities: {}, jsonSchemaValidator: new CfWorkerJsonSchemaValidator() },
    );
    const client = this.#client;
    client.setNotificationHandler(notification(ROOM_EVENT_METHOD, RoomEventSchema), ({ params }) => listener.event(params));
    client.setNotificationHandler(notification(ROOM_REPLAY_METHOD, ReplayInfoSchema), ({ params }) => listener.replay(params));
    client.setNotificationHandler(notification(ROOM_PRESENCE_METHOD, PresenceSchema), ({ params }) => listener.presence(params));
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, ({ params }) => listener.resourceUpdated(params.uri));
    client.onerror = (error) => listener.error(error);
  }

  /** Opens the session: the socket, initialize, then the replay and live events. */
  async connect(): Promise<void> {
    await this.#client.connect(this.#transport);
  }

  get lastSeq(): number | undefined {
    return this.#transport.lastSeq;
  }

  /** "read" for a viewer link: the room said so when the socket joined. */
  get access(): "write" | "read" {
    return this.#transport.access;
  }

  /** Every tool of the room, through every page of tools/list. */
  async tools(): Promise<Tool[]> {
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#client.listTools(cursor ? { cursor } : {});
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    return tools;
  }

  call(tool: string, args: Record<string, unknown>, onprogress: (progress: Progress) => void, signal: AbortSignal): Promise<CallToolResult> {
    return this.#client.callTool({ name: tool, arguments: args }, CallToolResultSchema, {
      onprogress,
      signal,
      // A long call that reports progress may run as long as it keeps reporting.
      timeout: 120_000,
      resetTimeoutOnProgress: true,
    }) as Promise<CallToolResult>;
  }

  async #readJson(uri: string): Promise<unknown> {
    const { contents } = await this.#client.readResource({ uri });
    const first = contents[0];
    return first && "text" in first ? JSON.parse(first.text) : undefined;
  }

  async variables(): Promise<RoomVariable[]> {
    return z.object({ variables: z.array(RoomVariableSchema) }).parse(await this.#readJson(VARIABLES_URI)).variables;
  }

  async participants(): Promise<Participant[]> {
    return z.object({ participants: z.array(ParticipantSchema) }).parse(await this.#readJson(PARTICIPANTS_URI)).participants;
  }

  async subscribe(uri: string): Promise<void> {
    await this.#client.subscribeResource({ uri });
  }

  /** The whole kept log, page after page of `room://log/{since}`. */
  async exportLog(): Promise<LogExport> {
    const events: RoomEvent[] = [];
    let page = LogPageSchema.parse(await this.#readJson("room://log/0"));
    const { room, firstSeq } = page;
    while (page.events.length > 0) {
      events.push(...page.events);
      const last = page.events[page.events.length - 1]!.seq;
      if (last >= page.lastSeq) break;
      page = LogPageSchema.parse(await this.#readJson(`room://log/${last}`));
    }
    return { room, exportedAt: new Date().toISOString(), firstSeq, lastSeq: page.lastSeq, events };
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
