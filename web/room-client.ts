/**
 * @module One participant in a room: the SDK's (v2) Client over RoomClientTransport (the same transport
 * any script can use), speaking 2026-07-28 where the room does (it follows the room on a listen) and
 * falling back to a legacy session where it does not. The room's own notifications and resources are
 * read through the shared schemas. It knows nothing of Lit or the DOM; the room controller turns it
 * into page state.
 */
import { Client } from "@modelcontextprotocol/client";
import type { CallToolResult, McpSubscription, Progress, ProtocolEra, Tool } from "@modelcontextprotocol/client";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/client/validators/cf-worker";
import { z } from "zod";
import { VENDOR } from "../shared/mcp.ts";
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

export class RoomClient {
  readonly #client: Client;
  readonly #transport: RoomClientTransport;
  #listen?: McpSubscription;
  /** Settles once connect() is done: a call made sooner (the socket is up, the era not yet known) waits. */
  readonly #connected: Promise<void>;
  #settleConnected!: (error?: Error) => void;

  constructor(options: RoomClientOptions, listener: RoomListener) {
    this.#transport = new RoomClientTransport({ url: options.url, since: options.since, ...(options.name ? { name: options.name } : {}) });
    this.#transport.onstatus = (status) => listener.status(status);
    this.#client = new Client(
      { name: CLIENT_NAME, version: options.version ?? "1.0.0" },
      { capabilities: {}, jsonSchemaValidator: new CfWorkerJsonSchemaValidator(), versionNegotiation: { mode: "auto" } },
    );
    const client = this.#client;
    client.setNotificationHandler(ROOM_EVENT_METHOD, { params: RoomEventSchema }, (event) => listener.event(event));
    client.setNotificationHandler(ROOM_REPLAY_METHOD, { params: ReplayInfoSchema }, (info) => listener.replay(info));
    client.setNotificationHandler(ROOM_PRESENCE_METHOD, { params: PresenceSchema }, (presence) => listener.presence(presence));
    client.setNotificationHandler("notifications/resources/updated", ({ params }) => listener.resourceUpdated(params.uri));
    client.onerror = (error) => listener.error(error);
    this.#connected = new Promise((resolve, reject) => (this.#settleConnected = (error) => (error ? reject(error) : resolve())));
    this.#connected.catch(() => {}); // connect() itself reports the failure.
  }

  /**
   * Opens the connection: the socket (with the replay), the era (2026-07-28 where the room speaks it,
   * else a legacy initialize), then, in the modern era, one listen that follows the room: its events,
   * who comes and goes, and its variables and participants.
   */
  async connect(): Promise<void> {
    try {
      await this.#client.connect(this.#transport);
      if (this.era === "modern") {
        this.#listen = await this.#client.listen({
          [VENDOR.roomEvents]: true,
          [VENDOR.presence]: true,
          resourceSubscriptions: [VARIABLES_URI, PARTICIPANTS_URI],
        } as Parameters<Client["listen"]>[0]);
      }
      this.#settleConnected();
    } catch (error) {
      this.#settleConnected(error as Error);
      throw error;
    }
  }

  /** "modern" (2026-07-28) or "legacy" (an initialize session), once connected. */
  get era(): ProtocolEra | undefined {
    return this.#client.getProtocolEra();
  }

  get lastSeq(): number | undefined {
    return this.#transport.lastSeq;
  }

  /** "read" for a viewer link: the room said so when the socket joined. */
  get access(): "write" | "read" {
    return this.#transport.access;
  }

  /** Every tool of the room (the SDK walks every page of tools/list). */
  async tools(): Promise<Tool[]> {
    return (await this.#client.listTools()).tools;
  }

  async call(tool: string, args: Record<string, unknown>, onprogress: (progress: Progress) => void, signal: AbortSignal): Promise<CallToolResult> {
    await this.#connected;
    return this.#client.callTool({ name: tool, arguments: args }, {
      onprogress,
      signal,
      // A long call that reports progress may run as long as it keeps reporting.
      timeout: 120_000,
      resetTimeoutOnProgress: true,
    });
  }

  async #readJson(uri: string): Promise<unknown> {
    // The room's resources change with every call: always read them fresh.
    const { contents } = await this.#client.readResource({ uri }, { cacheMode: "bypass" });
    const first = contents[0];
    return first && "text" in first ? JSON.parse(first.text) : undefined;
  }

  async variables(): Promise<RoomVariable[]> {
    return z.object({ variables: z.array(RoomVariableSchema) }).parse(await this.#readJson(VARIABLES_URI)).variables;
  }

  async participants(): Promise<Participant[]> {
    return z.object({ participants: z.array(ParticipantSchema) }).parse(await this.#readJson(PARTICIPANTS_URI)).participants;
  }

  /** Follows a resource: a legacy session subscribes; the modern era's listen already follows it. */
  async subscribe(uri: string): Promise<void> {
    if (this.era === "legacy") await this.#client.subscribeResource({ uri });
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
    await this.#listen?.close().catch(() => {});
    await this.#client.close();
  }
}
