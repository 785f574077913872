/**
 * @module The room: a partyserver Server (one Durable Object) that wires its adapters — MCP over
 * WebSocket, Streamable HTTP, the seed's envelopes — to one MCP engine, and owns the durable log.
 */
import { Server } from "partyserver";
import type { Connection, ConnectionContext, WSMessage } from "partyserver";
import { ROOM_EVENT_METHOD, ROOM_REPLAY_METHOD } from "../shared/events.ts";
import { LATEST_PROTOCOL_VERSION } from "../shared/mcp.ts";
import { SeedCallBodySchema, SeedCreateBodySchema } from "../shared/seed.ts";
import type { SeedServerEnvelope } from "../shared/seed.ts";
import { McpEngine } from "./engine/engine.ts";
import type { ToolCallRecord } from "./engine/engine.ts";
import type { McpSession } from "./engine/session.ts";
import { newSessionState } from "./engine/session-state.ts";
import type { SessionKind } from "./engine/session-state.ts";
import { EventLog } from "./log/event-log.ts";
import { RoomMeta } from "./log/room-meta.ts";
import { SessionStore } from "./log/session-store.ts";
import { SqlVariableStore } from "./log/variable-store.ts";
import { HttpSessions } from "./http/http-sessions.ts";
import { handleStreamableHttp, SESSION_HEADER } from "./http/streamable-http.ts";
import { problem } from "./http/problem.ts";
import { WebSocketTransport } from "./transports/websocket.ts";
import { SeedTransport } from "./seed/seed-transport.ts";
import { parseSince, roomConfig } from "./config.ts";
import { newSessionId } from "./ids.ts";
import { mathProfile } from "./server-info.ts";
import type { RoomProfile } from "./profile.ts";
import { LOG_URI, VARIABLES_URI } from "./resources/room-resources.ts";

/** Sessions whose socket died without a close (a crash, a kill) are forgotten after this long. */
const ORPHAN_SESSION_GRACE_MS = 10 * 60_000;
/** Streamable HTTP sessions with no request for this long are forgotten. */
const HTTP_SESSION_IDLE_MS = 24 * 60 * 60_000;

/** What a socket's attachment holds; it survives hibernation. Everything else is in SQLite. */
type ConnectionState = { sessionId: string };
type SocketPeer = { transport: { receive(frame: WSMessage): void }; session: McpSession };

const isSeedSocketPath = (pathname: string) => /^\/agent\/[^/]+\/websocket\/?$/.test(pathname);
const now = () => new Date().toISOString();
const safeSend = (connection: Connection, frame: string) => {
  try {
    connection.send(frame);
  } catch {
    // The socket closed meanwhile; what it missed stays in the log.
  }
};

export class Room extends Server<Env> {
  static override options = { hibernate: true };
  /** What this kind of room serves; a subclass sets its own (the conformance fixture does). */
  static profile: RoomProfile = mathProfile;

  #log!: EventLog;
  #sessions!: SessionStore;
  #meta!: RoomMeta;
  #engine!: McpEngine;
  #http!: HttpSessions;
  /** Live socket adapters by connection id; rebuilt lazily after the room wakes from hibernation. */
  readonly #peers = new Map<string, SocketPeer>();

  override onStart(): void {
    const config = roomConfig(this.env);
    const sql = this.ctx.storage.sql;
    this.#log = new EventLog(sql, config.logRetention);
    this.#sessions = new SessionStore(sql);
    this.#meta = new RoomMeta(sql);
    const variables = new SqlVariableStore(sql, () => this.#engine.resourceUpdated(VARIABLES_URI, this.#liveSessions()));
    const profile = this.#profile;
    this.#engine = new McpEngine({
      serverInfo: profile.serverInfo,
      ...(profile.instructions ? { instructions: profile.instructions } : {}),
      tools: profile.tools,
      ...(profile.resources ? { resources: profile.resources(this.name, this.#log, variables) } : {}),
      ...(profile.prompts ? { prompts: profile.prompts } : {}),
      pageSize: config.toolsPageSize,
      variables,
      onToolCall: (record, session) => this.#record(record, session),
      onSessionChange: (state) => this.#sessions.save(state),
    });
    this.#http = new HttpSessions(this.name, this.#engine, this.#sessions);
    const live = new Set<string>();
    for (const connection of this.getConnections<ConnectionState>()) {
      if (connection.state?.sessionId) live.add(connection.state.sessionId);
    }
    this.#sessions.prune(live, ORPHAN_SESSION_GRACE_MS, HTTP_SESSION_IDLE_MS);
  }

  get #profile(): RoomProfile {
    return (this.constructor as typeof Room).profile;
  }

  /** Tags let a broadcast reach each kind of socket in its own framing without reading every attachment. */
  override getConnectionTags(_connection: Connection, { request }: ConnectionContext): string[] {
    return [isSeedSocketPath(new URL(request.url).pathname) ? "seed" : "mcp"];
  }

  override onConnect(connection: Connection<ConnectionState>, { request }: ConnectionContext): void {
    const url = new URL(request.url);
    const seed = isSeedSocketPath(url.pathname);
    const info = seed ? this.#meta.info : this.#meta.create("named", this.name);
    const name = url.searchParams.get("name")?.slice(0, 100) || (seed ? info?.name : undefined);
    const state = newSessionState(newSessionId(this.name), seed ? "seed" : "websocket", name);
    // The seed protocol has no handshake: its sessions start initialized.
    if (seed) Object.assign(state, { initialized: true, protocolVersion: LATEST_PROTOCOL_VERSION });
    this.#sessions.save(state);
    connection.setState({ sessionId: state.id });
    if (seed) safeSend(connection, JSON.stringify({ type: "connected", sessionId: state.id, agentId: this.name, timestamp: now() }));
    // Replay and registration happen in one synchronous turn: no live event can fall between them.
    const since = parseSince(url);
    if (since !== undefined) this.#replay(connection, since, seed);
    this.#peer(connection);
  }

  override onMessage(connection: Connection<ConnectionState>, message: WSMessage): void {
    this.#peer(connection).transport.receive(message);
  }

  override onClose(connection: Connection<ConnectionState>): void {
    this.#peers.delete(connection.id);
    const sessionId = connection.state?.sessionId;
    if (sessionId) this.#sessions.delete(sessionId);
  }

  override async onRequest(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/_seed/exists") return new Response(null, { status: this.#meta.info ? 204 : 404 });
    if (pathname === "/_seed/create") {
      const body = SeedCreateBodySchema.safeParse(await request.json().catch(() => undefined));
      this.#meta.create("agent", (body.success && body.data.name) || "anonymous");
      return new Response(null, { status: 204 });
    }
    if (pathname === "/_seed/call") return this.#seedCall(await request.json().catch(() => undefined));
    if (request.method === "POST" && !request.headers.has(SESSION_HEADER)) {
      this.#meta.create(pathname.startsWith("/rooms/") ? "named" : "private", this.name);
    }
    return handleStreamableHttp(request, this.#http);
  }

  #peer(connection: Connection<ConnectionState>): SocketPeer {
    const known = this.#peers.get(connection.id);
    if (known) return known;
    const sessionId = connection.state?.sessionId ?? newSessionId(this.name);
    const kind: SessionKind = connection.tags.includes("seed") ? "seed" : "websocket";
    const state = this.#sessions.get(sessionId) ?? newSessionState(sessionId, kind);
    const transport =
      kind === "seed"
        ? new SeedTransport((envelope) => safeSend(connection, JSON.stringify(envelope)), this.#profile.tools)
        : new WebSocketTransport(connection);
    const peer = { transport, session: this.#engine.connect(transport, state) };
    this.#peers.set(connection.id, peer);
    return peer;
  }

  /** POST /mcp of the seed API: one call in a throwaway session, answered `{result, timestamp}`. */
  #seedCall(body: unknown): Promise<Response> {
    const info = this.#meta.info;
    if (!info) return Promise.resolve(problem(404, `Agent not found: ${this.name}; create one with POST /agent`));
    const parsed = SeedCallBodySchema.pick({ request: true }).safeParse(body);
    if (!parsed.success) return Promise.resolve(problem(400, "Invalid request: send {agentId, request: {method, params}}"));
    const { request } = parsed.data;
    return new Promise((resolve) => {
      const answer = (envelope: SeedServerEnvelope) =>
        resolve(
          envelope.type === "mcp_response"
            ? Response.json({ result: envelope.result, timestamp: envelope.timestamp })
            : Response.json({ error: envelope.type === "error" ? envelope.error : "unexpected answer", timestamp: now() }, { status: 400 }),
        );
      const transport = new SeedTransport(answer, this.#profile.tools);
      const state = { ...newSessionState(newSessionId(this.name), "seed", info.name), initialized: true, protocolVersion: LATEST_PROTOCOL_VERSION };
      this.#engine.connect(transport, state);
      transport.receive(JSON.stringify({ type: "mcp_request", request }));
    });
  }

  #replay(connection: Connection, since: number, seed: boolean): void {
    if (!seed) safeSend(connection, JSON.stringify({ jsonrpc: "2.0", method: ROOM_REPLAY_METHOD, params: this.#log.replayInfo(since) }));
    const frame = seed ? seedEventFrame : mcpEventFrame;
    for (const json of this.#log.since(since)) safeSend(connection, frame(json));
  }

  #record(record: ToolCallRecord, session: McpSession): void {
    const { json } = this.#log.append({
      at: now(),
      by: session.state.name,
      tool: record.tool,
      arguments: record.arguments,
      ...(record.error ? { error: record.error } : { result: record.result }),
    });
    // One serialization per framing, not one per socket.
    const mcp = mcpEventFrame(json);
    for (const connection of this.getConnections("mcp")) safeSend(connection, mcp);
    let seedFrame: string | undefined;
    for (const connection of this.getConnections("seed")) safeSend(connection, (seedFrame ??= seedEventFrame(json)));
    this.#http.broadcast(mcp);
    this.#engine.resourceUpdated(LOG_URI, this.#liveSessions());
  }

  /** Every session with a live transport: sockets (their adapters rebuilt if the room just woke) and HTTP. */
  *#liveSessions(): Generator<McpSession> {
    for (const connection of this.getConnections<ConnectionState>()) yield this.#peer(connection).session;
    yield* this.#http.sessions();
  }
}

const MCP_EVENT_PREFIX = `{"jsonrpc":"2.0","method":"${ROOM_EVENT_METHOD}","params":`;
const mcpEventFrame = (eventJson: string) => `${MCP_EVENT_PREFIX}${eventJson}}`;
const seedEventFrame = (eventJson: string) => `{"type":"notification","payload":${eventJson},"timestamp":"${now()}"}`;
