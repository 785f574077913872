/**
 * @module The room: a partyserver Server (one Durable Object) that wires its adapters — MCP over
 * WebSocket and Streamable HTTP (both eras), the seed's envelopes — to one MCP engine, and owns the
 * durable log and the room's tasks.
 */
import { Server } from "partyserver";
import type { Connection, ConnectionContext, WSMessage } from "partyserver";
import { HEARTBEAT_PING, HEARTBEAT_PONG, ROOM_REPLAY_METHOD, ROOM_SESSION_METHOD } from "../shared/events.ts";
import type { SeedCallBody } from "../shared/seed.ts";
import { McpEngine } from "./engine/engine.ts";
import { EventLog } from "./log/event-log.ts";
import { Recorder } from "./log/recorder.ts";
import { RequestLedger } from "./log/request-ledger.ts";
import { GroupCommit } from "./log/group-commit.ts";
import { RoomMeta } from "./log/room-meta.ts";
import { SessionStore } from "./log/session-store.ts";
import { SqlVariableStore } from "./log/variable-store.ts";
import { HttpSessions } from "./http/http-sessions.ts";
import { handleStreamableHttp, SESSION_HEADER } from "./http/streamable-http.ts";
import { ACCESS_HEADER, admit, presentedKey } from "./http/access.ts";
import { randomToken } from "./ids.ts";
import { problem } from "./http/problem.ts";
import { SocketSessions } from "./transports/socket-sessions.ts";
import { RoomSockets } from "./transports/room-sockets.ts";
import type { ConnectionState } from "./transports/socket-sessions.ts";
import { parseSince, roomConfig } from "./config.ts";
import type { RoomConfig } from "./config.ts";
import { frameBytes, RateLimiter, rateLimitReply } from "./limits.ts";
import { seedCall } from "./seed/seed-call.ts";
import type { SeedCallAnswer } from "./seed/seed-call.ts";
import { mathProfile } from "./server-info.ts";
import type { RoomProfile } from "./profile.ts";
import { LOG_URI, PARTICIPANTS_URI, VARIABLES_URI } from "./resources/room-resources.ts";
import { Presence } from "./presence.ts";
import type { McpSession } from "./engine/session.ts";
import { Broadcast, MCP_EVENT_PREFIX, safeSend, SEED_EVENT_PREFIX, seedEventSuffix } from "./broadcast.ts";
import { RoomModern } from "./modern/room-modern.ts";

/** Streamable HTTP sessions with no request for this long are forgotten. */
const HTTP_SESSION_IDLE_MS = 24 * 60 * 60_000;
/** Stored sessions are swept at most this often (and whenever the room starts). */
const PRUNE_EVERY_MS = 60_000;

const isSeedSocketPath = (pathname: string) => /^\/agent\/[^/]+\/websocket\/?$/.test(pathname);
const now = () => new Date().toISOString();

export class Room extends Server<Env> {
  static override options = { hibernate: true };
  /** What this kind of room serves; a subclass sets its own (the conformance fixture does). */
  static profile: RoomProfile = mathProfile;

  #log!: EventLog;
  #recorder!: Recorder;
  #ledger!: RequestLedger;
  readonly #open = new RoomSockets();
  /** Socket messages that arrive while a write is being committed share the next commit. */
  readonly #group = new GroupCommit(() => this.ctx.storage.sync());
  #sessions!: SessionStore;
  /** Read before the room starts: admission needs only the room's record. */
  readonly #meta: RoomMeta;
  #engine!: McpEngine;
  #http!: HttpSessions;
  #sockets!: SocketSessions;
  #presence!: Presence;
  #broadcast!: Broadcast;
  #modern!: RoomModern;
  #config!: RoomConfig;
  #rate!: RateLimiter;
  #prunedAt = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#meta = new RoomMeta(ctx.storage.sql);
  }

  override onStart(): void {
    const config = (this.#config = roomConfig(this.env));
    this.#rate = new RateLimiter(config.ratePerSecond, config.rateBurst);
    const sql = this.ctx.storage.sql;
    const log = (this.#log = new EventLog(sql, config.logRetention));
    const ledger = (this.#ledger = new RequestLedger({
      events: (sessionId) => log.madeBy(sessionId),
      tasks: (sessionId) => this.#modern.tasksStartedIn(sessionId),
      keptFrom: () => log.firstSeq ?? 1,
    }));
    this.#recorder = new Recorder({
      log,
      ledger,
      broadcast: (json) => this.#broadcast.event(json),
      changed: () => this.#engine.resourceUpdated(LOG_URI),
      written: () => this.#group.wrote(),
    });
    this.#sessions = new SessionStore(sql, (id) => ledger.forget(id));
    const variables = new SqlVariableStore(sql, () => this.#engine.resourceUpdated(VARIABLES_URI));
    const profile = this.#profile;
    this.#presence = new Presence(
      (params) => this.#broadcast.presence(params),
      () => this.#engine.resourceUpdated(PARTICIPANTS_URI),
    );
    const participants = () => this.#presence.list();
    this.#modern = new RoomModern({
      room: this.name,
      sql,
      secret: this.env.STATE_SECRET,
      engine: () => this.#engine,
      presence: this.#presence,
      record: (record, caller) => this.#recorder.record(record, caller),
      keepAlive: () => void this.ctx.storage.setAlarm(Date.now() + 30_000),
      taskStarted: (sessionId, requestId) => ledger.task(sessionId, requestId),
    });
    this.#engine = new McpEngine({
      serverInfo: profile.serverInfo,
      ...(profile.instructions ? { instructions: profile.instructions } : {}),
      tools: profile.tools,
      ...(profile.resources ? { resources: profile.resources({ room: this.name, log: this.#log, variables, participants }) } : {}),
      ...(profile.prompts ? { prompts: profile.prompts } : {}),
      listChanged: profile.listChanged ?? false,
      maxListens: config.maxConnections,
      pageSize: config.toolsPageSize,
      variables,
      ...this.#modern.engineOptions,
      room: { eventsSince: (since) => this.#log.since(since), listening: (key, caller, open) => this.#modern.listening(key, caller, open) },
      onToolCall: (record, caller) => this.#recorder.record(record, caller),
      onSessionChange: (state) => this.#sessions.save(state),
      onInitialized: (session) => this.#joined(session),
      modernCaller: (session, envelope) => this.#modern.socketCaller(session, envelope, this.#sockets.isAttached(session.state.id)),
      priorAnswer: (sessionId, requestId) => this.#recorder.priorAnswer(sessionId, requestId, () => this.#modern.taskAnswer(sessionId, requestId)),
    });
    this.#http = new HttpSessions(this.name, this.#engine, this.#sessions, {
      created: (sessionId) => ledger.born(sessionId),
      opened: (session) => this.#presence.join(session.state),
      closed: (sessionId) => this.#presence.leave(sessionId),
    });
    this.#broadcast = new Broadcast({ sockets: (kind) => this.#open.of(kind), streams: (frame) => this.#http.broadcast(frame), listens: this.#engine.listens });
    this.#sockets = new SocketSessions({
      room: this.name,
      engine: this.#engine,
      store: this.#sessions,
      tools: profile.tools,
      resumeWindowMs: config.resumeWindowMs,
      closeConnection: (id, code, reason) => this.getConnection(id)?.close(code, reason),
    });
    // Who was here before the room hibernated is still here: their sockets stayed open. Their sessions
    // are rebuilt now, once, so that no per-call path has to read every socket's attachment.
    for (const connection of this.getConnections<ConnectionState>()) {
      this.#open.add(connection, connection.tags.includes("seed") ? "seed" : "mcp");
      this.#presence.restore(this.#sockets.forConnection(connection).session.state);
    }
    // Heartbeats are answered by the runtime itself: they never wake a hibernating room.
    this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(HEARTBEAT_PING, HEARTBEAT_PONG));
    this.#prune();
    this.#modern.tasks.resume();
  }

  /** Tasks whose work an evicted instance left unfinished run again; while work goes on, the room wakes again. */
  override onAlarm(): void {
    this.#modern.tasks.resume();
    if (this.#modern.tasks.busy) void this.ctx.storage.setAlarm(Date.now() + 30_000);
  }

  /** Forgets sessions that can no longer come back: sockets gone past the resume window, idle HTTP sessions. */
  #prune(): void {
    this.#prunedAt = Date.now();
    const live = new Set<string>();
    for (const connection of this.getConnections<ConnectionState>()) {
      if (connection.state?.sessionId) live.add(connection.state.sessionId);
    }
    this.#sessions.prune(live, this.#config.resumeWindowMs, HTTP_SESSION_IDLE_MS);
  }

  get #profile(): RoomProfile {
    return (this.constructor as typeof Room).profile;
  }

  /**
   * Every request into the room passes here before partyserver sees it: the one place where a key is
   * checked. Entering (a socket, or a POST without a session: an initialize, or any modern request)
   * takes the key a keyed room asks for; later legacy HTTP requests are bound by their session, which
   * keeps the access it started with.
   */
  override async fetch(request: Request): Promise<Response> {
    const upgrade = request.headers.get("Upgrade")?.toLowerCase() === "websocket";
    const entering = upgrade || (request.method === "POST" && !request.headers.has(SESSION_HEADER));
    let admitted = new Request(request);
    admitted.headers.delete(ACCESS_HEADER);
    if (upgrade || request.method === "POST") {
      const admission = admit(this.name, this.#meta.info, presentedKey(request), isSeedSocketPath(new URL(request.url).pathname));
      if ("error" in admission && entering) return problem(admission.status, admission.error);
      // A POST with a session id may still be modern (which ignores sessions): it carries its admission too.
      if ("access" in admission) admitted.headers.set(ACCESS_HEADER, admission.access);
    }
    try {
      await this.#started();
    } catch (error) {
      // partyserver would answer a failed start with its stack; nobody gets a stack.
      console.error("room start failed:", error);
      return problem(500, "Internal error");
    }
    return super.fetch(admitted);
  }

  /** Starts the room (onStart, once) for calls that do not come through fetch. */
  #started(): Promise<void> {
    return this.setName(this.name);
  }

  /** RPC from the Worker (POST /rooms): records this room as keyed and answers its keys. */
  async createKeyed(): Promise<{ writerKey: string; viewerKey: string }> {
    const info = this.#meta.create("keyed", this.name, { writer: randomToken(), viewer: randomToken() });
    return { writerKey: info.keys!.writer, viewerKey: info.keys!.viewer };
  }

  /** RPC from the Worker (POST /agent): records this room as the seed agent `name`'s. */
  async createAgent(name: string | undefined): Promise<void> {
    this.#meta.create("agent", name || "anonymous");
  }

  /** RPC from the Worker (POST /mcp with a seed body): one call, admitted like every other way in. */
  async seedCall(request: SeedCallBody["request"], key: string | undefined): Promise<SeedCallAnswer> {
    const admission = admit(this.name, this.#meta.info, key, true);
    if ("error" in admission) return { status: admission.status, json: JSON.stringify({ error: admission.error }) };
    await this.#started();
    return seedCall(request, { name: this.name, info: this.#meta.info!, engine: this.#engine, tools: this.#profile.tools, access: admission.access });
  }

  /** Tags let a broadcast reach each kind of socket in its own framing without reading every attachment. */
  override getConnectionTags(_connection: Connection, { request }: ConnectionContext): string[] {
    return [isSeedSocketPath(new URL(request.url).pathname) ? "seed" : "mcp"];
  }

  override onConnect(connection: Connection<ConnectionState>, context: ConnectionContext): void {
    try {
      this.#connect(connection, context);
    } catch (error) {
      // partyserver would send the client the stack of an error thrown here; nobody gets a stack.
      console.error("connect failed:", error);
      connection.close(1011, "internal error");
    }
  }

  #connect(connection: Connection<ConnectionState>, { request }: ConnectionContext): void {
    // Counted by the runtime, without reading every socket's attachment on each connect.
    if (this.ctx.getWebSockets().length > this.#config.maxConnections) {
      connection.close(1013, `room is full (${this.#config.maxConnections} connections): try again later`);
      return;
    }
    if (Date.now() - this.#prunedAt > PRUNE_EVERY_MS) this.#prune();
    const url = new URL(request.url);
    const seed = isSeedSocketPath(url.pathname);
    const info = seed ? this.#meta.info : this.#meta.create("named", this.name);
    const name = url.searchParams.get("name")?.slice(0, 100) || (seed ? info?.name : undefined);
    const access = request.headers.get(ACCESS_HEADER) === "read" ? "read" : "write";
    const { sessionId, resumed } = this.#sockets.open(connection, seed ? "seed" : "websocket", { name, resume: url.searchParams.get("session"), access });
    if (!resumed) this.#ledger.born(sessionId);
    safeSend(
      connection,
      seed
        ? JSON.stringify({ type: "connected", sessionId, agentId: this.name, timestamp: now() })
        : JSON.stringify({ jsonrpc: "2.0", method: ROOM_SESSION_METHOD, params: { sessionId, resumed, lastSeq: this.#log.lastSeq, access: this.#sessions.get(sessionId)?.access ?? "write" } }),
    );
    // Replay and registration happen in one synchronous turn: no live event can fall between them.
    const since = parseSince(url);
    if (since !== undefined) this.#replay(connection, since, seed);
    this.#open.add(connection, seed ? "seed" : "mcp");
    this.#presence.join(this.#sockets.forConnection(connection).session.state);
  }

  override onMessage(connection: Connection<ConnectionState>, message: WSMessage): void {
    const limit = this.#config.maxFrameBytes;
    if (frameBytes(message, limit) > limit) {
      connection.close(1009, `frame too big: at most ${limit} bytes`);
      return;
    }
    const retryAfterMs = this.#rate.take(connection.id);
    if (retryAfterMs > 0) {
      const text = `Rate limit: at most ${this.#config.ratePerSecond} messages a second; retry after ${retryAfterMs} ms`;
      const refusal = rateLimitReply(message, connection.tags.includes("seed"), text, retryAfterMs);
      if (refusal) safeSend(connection, refusal);
      return;
    }
    const { transport } = this.#sockets.forConnection(connection);
    this.#group.run(() => transport.receive(message));
  }

  override onClose(connection: Connection<ConnectionState>, code: number): void {
    // partyserver answers a client's close frame only when it carried a status code; one without (what
    // Node's and browsers' ws.close() send) would wait out its close timeout and end as 1006.
    if (code === 1005) {
      try {
        connection.close();
      } catch {
        // Already closed.
      }
    }
    this.#open.remove(connection);
    this.#rate.forget(connection.id);
    this.#sockets.closed(connection);
    const sessionId = connection.state?.sessionId;
    if (sessionId && !this.#sockets.isAttached(sessionId)) this.#presence.leave(sessionId);
  }

  /** A session that has just been answered its initialize, while connected, has joined. */
  #joined(session: McpSession): void {
    const { state } = session;
    if (this.#sockets.isAttached(state.id) || this.#http.hasOpenStream(state.id)) this.#presence.join(state);
  }

  override async onRequest(request: Request): Promise<Response> {
    try {
      return await this.#request(request);
    } catch (error) {
      // partyserver would answer an error thrown here with its stack; nobody gets a stack.
      console.error("request failed:", error);
      return problem(500, "Internal error");
    }
  }

  async #request(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method === "POST" && !request.headers.has(SESSION_HEADER)) {
      this.#meta.create(pathname.startsWith("/rooms/") ? "named" : "private", this.name);
    }
    return handleStreamableHttp(request, this.#http, {
      modern: this.#modern.httpHost(pathname === "/mcp", (key) => this.#rate.take(key)),
      rateLimit: (sessionId) => {
        const retryAfterMs = this.#rate.take(sessionId);
        return retryAfterMs > 0 ? { retryAfterMs, message: `Rate limit: at most ${this.#config.ratePerSecond} requests a second; retry after ${retryAfterMs} ms` } : undefined;
      },
    });
  }

  #replay(connection: Connection, since: number, seed: boolean): void {
    if (!seed) safeSend(connection, JSON.stringify({ jsonrpc: "2.0", method: ROOM_REPLAY_METHOD, params: this.#log.replayInfo(since) }));
    const [before, after] = seed ? [SEED_EVENT_PREFIX, seedEventSuffix()] : [MCP_EVENT_PREFIX, "}"];
    try {
      for (const frame of this.#log.since(since, before, after)) connection.send(frame);
    } catch {
      // The socket closed during the replay; it comes back with ?since= for the rest.
    }
  }
}
