/**
 * @module The reactive controller that holds a `<math-session>`'s room: it opens the MCP session when
 * the element is connected (and when its server, room or name change), keeps the log, tools, variables,
 * participants and calls in flight, and asks the element to render when they change.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Tool } from "@modelcontextprotocol/client";
import type { Participant, ReplayInfo, RoomEvent } from "../shared/events.ts";
import { ErrorCode } from "../shared/jsonrpc.ts";
import { errorEvent, roomEventEvent, statusEvent } from "./events.ts";
import { RoomClient, VARIABLES_URI } from "./room-client.ts";
import type { LogExport, Presence, RoomVariable } from "./room-client.ts";
import type { ConnectionStatus } from "./room-transport.ts";

/** What a person is told about the connection. */
export type SessionStatus = "idle" | "connecting" | "connected" | "reconnecting" | "offline";

export type SessionConfig = {
  server: string;
  room: string;
  name?: string;
  /** A keyed room's writer or viewer key (`?key=`). */
  key?: string;
  /** The service's token, when it asks for one (`?token=`). */
  token?: string;
};

/** The room's MCP address, with the key and token that open it. */
export function roomUrl({ server, room, key, token }: SessionConfig): URL {
  const url = new URL(`/rooms/${encodeURIComponent(room)}/mcp`, server);
  if (key) url.searchParams.set("key", key);
  if (token) url.searchParams.set("token", token);
  return url;
}

export type CallInFlight = {
  id: number;
  tool: string;
  arguments: Record<string, unknown>;
  progress?: number;
  total?: number;
  message?: string;
  /** Running for a moment already, or reporting progress: worth showing (quick calls would only flicker). */
  slow?: boolean;
};

/** Events after `since` that the room no longer keeps; the log resumes at `from`. */
export type LogGap = { since: number; from: number | null };

/** Log updates wait this long for more, so a replay of thousands of events renders a few times, not thousands. */
const RENDER_BATCH_MS = 16;
/** A first connection that takes longer than this is worth a word to the person (and the developer). */
const SLOW_JOIN_MS = 8_000;
/** A call still running after this long is shown with a busy bar. */
const SLOW_CALL_MS = 300;

export class RoomController implements ReactiveController {
  events: RoomEvent[] = [];
  gaps: LogGap[] = [];
  /** Undefined until the room has listed them. */
  tools?: Tool[];
  variables: RoomVariable[] = [];
  participants: Participant[] = [];
  lastPresence?: Presence;
  calls: CallInFlight[] = [];
  /** A failure the log does not show (the call never reached the room). */
  error?: string;
  /** This session may watch but not act (a viewer link): the room says so when it joins, or refuses a call. */
  readOnly = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  #config?: SessionConfig;
  #client?: RoomClient;
  #transportStatus: ConnectionStatus | "idle" = "idle";
  #announced: SessionStatus = "idle";
  #ready = false;
  readonly #log: RoomEvent[] = [];
  readonly #seen = new Set<number>();
  #batch?: ReturnType<typeof setTimeout>;
  #callIds = 0;
  #openedAt = 0;
  #slowTimer?: ReturnType<typeof setTimeout>;
  readonly #aborts = new Map<number, AbortController>();
  readonly #onNetwork = () => this.#changed();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get status(): SessionStatus {
    const status = this.#transportStatus;
    if (status === "idle") return "idle";
    // The browser knows first when the network is gone; a socket that looks open then is not to be trusted
    // (the heartbeat drops it soon), and calls made meanwhile wait for the way back.
    if (status === "closed" || (typeof navigator !== "undefined" && !navigator.onLine)) return "offline";
    return status;
  }

  /** The MCP era the connection speaks: "modern" (2026-07-28) or, with an older server, "legacy". */
  get era(): "modern" | "legacy" | undefined {
    return this.#client?.era;
  }

  /** True while a first connection is taking long: the room may be unreachable, or refuse this page. */
  get stalled(): boolean {
    return this.#transportStatus === "connecting" && Date.now() - this.#openedAt >= SLOW_JOIN_MS;
  }

  /** Joins the room `config` names, leaving the one before; the same room again keeps the log. */
  configure(config: SessionConfig): void {
    const same = this.#config && JSON.stringify(this.#config) === JSON.stringify(config);
    if (same) return;
    const sameRoom = this.#config?.server === config.server && this.#config.room === config.room;
    this.#config = config;
    if (!sameRoom) this.#reset();
    if (this.#host.isConnected) void this.#open();
  }

  /** Leaves the room, forgetting what it showed. */
  leave(): void {
    this.#config = undefined;
    this.#reset();
    this.#changed();
  }

  hostConnected(): void {
    window.addEventListener("online", this.#onNetwork);
    window.addEventListener("offline", this.#onNetwork);
    if (this.#config && !this.#client) void this.#open();
  }

  hostDisconnected(): void {
    window.removeEventListener("online", this.#onNetwork);
    window.removeEventListener("offline", this.#onNetwork);
    this.#close();
  }

  async call(tool: string, args: Record<string, unknown>): Promise<void> {
    const client = this.#client;
    if (!client) return this.report(`${tool}: not in a room`);
    const call: CallInFlight = { id: ++this.#callIds, tool, arguments: args };
    const abort = new AbortController();
    const update = (change: Partial<CallInFlight>) => {
      this.calls = this.calls.map((c) => (c.id === call.id ? { ...c, ...change } : c));
      this.#changed();
    };
    const reveal = setTimeout(() => update({ slow: true }), SLOW_CALL_MS);
    this.#aborts.set(call.id, abort);
    this.calls = [...this.calls, call];
    this.error = undefined;
    this.#changed();
    try {
      await client.call(tool, args, ({ progress, total, message }) => update({ progress, total, message, slow: true }), abort.signal);
    } catch (error) {
      // Invalid params and unknown tools are logged by the room, for everyone; the rest only happened here.
      const code = (error as { code?: unknown }).code;
      if (code === ErrorCode.Forbidden || code === ErrorCode.ViewOnly) this.readOnly = true;
      else if (!abort.signal.aborted && code !== ErrorCode.InvalidParams) this.report(`${tool}: ${(error as Error).message}`);
    } finally {
      clearTimeout(reveal);
      this.#aborts.delete(call.id);
      this.calls = this.calls.filter((c) => c.id !== call.id);
      this.#changed();
    }
  }

  cancel(callId: number): void {
    this.#aborts.get(callId)?.abort("cancelled by the user");
  }

  dismissError(): void {
    this.error = undefined;
    this.#changed();
  }

  async exportLog(): Promise<LogExport> {
    if (!this.#client) throw new Error("Not in a room");
    return this.#client.exportLog();
  }

  #reset(): void {
    this.#close();
    this.#log.length = 0;
    this.#seen.clear();
    this.events = [];
    this.gaps = [];
    this.tools = undefined;
    this.variables = [];
    this.participants = [];
    this.lastPresence = undefined;
    this.calls = [];
    this.error = undefined;
    this.readOnly = false;
  }

  async #open(): Promise<void> {
    const config = this.#config!;
    const since = this.#client?.lastSeq ?? this.#log.at(-1)?.seq ?? 0;
    this.#close();
    const url = roomUrl(config).toString();
    const client: RoomClient = new RoomClient({ url, since, ...(config.name ? { name: config.name } : {}) }, {
      event: (event) => this.#addEvent(event),
      replay: (info) => this.#onReplay(info),
      presence: (presence) => this.#onPresence(presence),
      resourceUpdated: (uri) => {
        if (uri === VARIABLES_URI && this.#client === client) void this.#refresh(client, ["variables"]);
      },
      status: (status) => {
        if (this.#client !== client) return;
        this.#transportStatus = status;
        // Back after a drop: what changed meanwhile came as notifications nobody heard (and a room that
        // forgot the session forgot its subscription too).
        if (status === "connected" && this.#ready) {
          void this.#refresh(client, ["variables", "participants"]);
          void client.subscribe(VARIABLES_URI).catch(() => {});
        }
        this.#changed();
      },
      error: () => {},
    });
    this.#client = client;
    this.#transportStatus = "connecting";
    this.#ready = false;
    this.#openedAt = Date.now();
    this.#slowTimer = setTimeout(() => {
      if (!this.stalled) return;
      console.warn(`math-session: no answer yet from ${url}. If this page is on another site, the service needs its origin in ALLOWED_ORIGINS.`);
      this.#changed();
    }, SLOW_JOIN_MS);
    this.#changed();
    try {
      await client.connect();
      if (this.#client !== client) return;
      // A viewer link knows it is one from the room's first frame, before it tries anything.
      if (client.access === "read") this.readOnly = true;
      await this.#refresh(client, ["tools", "variables", "participants"]);
      await client.subscribe(VARIABLES_URI).catch(() => {});
      this.#ready = true;
    } catch (error) {
      if (this.#client === client) this.report(`Could not join the room: ${(error as Error).message}`);
    }
  }

  #close(): void {
    const client = this.#client;
    this.#client = undefined;
    this.#transportStatus = "idle";
    clearTimeout(this.#slowTimer);
    for (const abort of this.#aborts.values()) abort.abort("left the room");
    if (client) void client.close().catch(() => {});
  }

  async #refresh(client: RoomClient, what: ("tools" | "variables" | "participants")[]): Promise<void> {
    const current = () => this.#client === client;
    await Promise.all([
      what.includes("tools") && client.tools().then((tools) => current() && (this.tools = tools), () => current() && (this.tools = [])),
      what.includes("variables") && client.variables().then((v) => current() && (this.variables = v), () => {}),
      what.includes("participants") && client.participants().then((p) => current() && (this.participants = p), () => {}),
    ]);
    this.#changed();
  }

  #addEvent(event: RoomEvent): void {
    if (this.#seen.has(event.seq)) return;
    this.#seen.add(event.seq);
    const log = this.#log;
    if (log.length === 0 || event.seq > log[log.length - 1]!.seq) log.push(event);
    else log.splice(log.findIndex((e) => e.seq > event.seq), 0, event);
    this.#host.dispatchEvent(roomEventEvent(event));
    this.#batch ??= setTimeout(() => {
      this.#batch = undefined;
      this.events = log.slice();
      this.#host.requestUpdate();
    }, RENDER_BATCH_MS);
  }

  #onReplay(info: ReplayInfo): void {
    if (!info.truncated) return;
    this.gaps = [...this.gaps, { since: info.since, from: info.from }];
    this.#changed();
  }

  #onPresence(presence: Presence): void {
    const others = this.participants.filter((p) => p.id !== presence.participant.id);
    this.participants = presence.event === "joined" ? [...others, presence.participant] : others;
    this.lastPresence = presence;
    this.#changed();
  }

  /** Shows a failure the log does not (and tells the page, with `math-session-error`). */
  report(message: string): void {
    this.error = message;
    this.#host.dispatchEvent(errorEvent(message));
    this.#changed();
  }

  #changed(): void {
    const status = this.status;
    if (status !== this.#announced) {
      this.#announced = status;
      this.#host.dispatchEvent(statusEvent(status));
    }
    this.#host.requestUpdate();
  }
}
