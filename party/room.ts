/**
 * @module The room: a partyserver Server (one Durable Object) that wires sockets to the MCP engine
 * and owns the durable log.
 */
import { Server } from "partyserver";
import type { Connection, ConnectionContext, WSMessage } from "partyserver";
import { ROOM_EVENT_METHOD, ROOM_REPLAY_METHOD } from "../shared/events.ts";
import { McpEngine } from "./engine/engine.ts";
import type { ToolCallRecord } from "./engine/engine.ts";
import type { McpSession } from "./engine/session.ts";
import { newSessionState } from "./engine/session-state.ts";
import { EventLog } from "./log/event-log.ts";
import { SessionStore } from "./log/session-store.ts";
import { SqlVariableStore } from "./log/variable-store.ts";
import { WebSocketTransport } from "./transports/websocket.ts";
import { parseSince, roomConfig } from "./config.ts";
import { INSTRUCTIONS, SERVER_INFO, toolRegistry } from "./server-info.ts";

/** Sessions whose socket died without a close (a crash, a kill) are forgotten after this long. */
const ORPHAN_SESSION_GRACE_MS = 10 * 60_000;

/** What a socket's attachment holds; it survives hibernation. Everything else is in SQLite. */
type ConnectionState = { sessionId: string };
type Peer = { transport: WebSocketTransport; session: McpSession };

const EVENT_FRAME_PREFIX = `{"jsonrpc":"2.0","method":"${ROOM_EVENT_METHOD}","params":`;
const eventFrame = (eventJson: string) => `${EVENT_FRAME_PREFIX}${eventJson}}`;

export class Room extends Server<Env> {
  static override options = { hibernate: true };

  #log!: EventLog;
  #sessions!: SessionStore;
  #engine!: McpEngine;
  /** Live adapters by connection id; rebuilt lazily after the room wakes from hibernation. */
  readonly #peers = new Map<string, Peer>();

  override onStart(): void {
    const config = roomConfig(this.env);
    const sql = this.ctx.storage.sql;
    this.#log = new EventLog(sql, config.logRetention);
    this.#sessions = new SessionStore(sql);
    this.#engine = new McpEngine({
      serverInfo: SERVER_INFO,
      instructions: INSTRUCTIONS,
      tools: toolRegistry,
      pageSize: config.toolsPageSize,
      variables: new SqlVariableStore(sql),
      onToolCall: (record, session) => this.#record(record, session),
      onSessionChange: (state) => this.#sessions.save(state),
    });
    const live = new Set<string>();
    for (const connection of this.getConnections<ConnectionState>()) {
      if (connection.state?.sessionId) live.add(connection.state.sessionId);
    }
    this.#sessions.prune(live, ORPHAN_SESSION_GRACE_MS);
  }

  override onConnect(connection: Connection<ConnectionState>, { request }: ConnectionContext): void {
    const url = new URL(request.url);
    const state = newSessionState(crypto.randomUUID(), url.searchParams.get("name")?.slice(0, 100) || undefined);
    this.#sessions.save(state);
    connection.setState({ sessionId: state.id });
    // Replay and registration happen in one synchronous turn: no live event can fall between them.
    const since = parseSince(url);
    if (since !== undefined) this.#replay(connection, since);
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

  override onRequest(): Response {
    return Response.json(
      { error: "Upgrade Required: open a WebSocket here with subprotocol \"mcp\"" },
      { status: 426, headers: { Upgrade: "websocket" } },
    );
  }

  #peer(connection: Connection<ConnectionState>): Peer {
    const known = this.#peers.get(connection.id);
    if (known) return known;
    const sessionId = connection.state?.sessionId ?? crypto.randomUUID();
    const state = this.#sessions.get(sessionId) ?? newSessionState(sessionId);
    const transport = new WebSocketTransport(connection);
    const peer = { transport, session: this.#engine.connect(transport, state) };
    this.#peers.set(connection.id, peer);
    return peer;
  }

  #replay(connection: Connection, since: number): void {
    const info = this.#log.replayInfo(since);
    connection.send(JSON.stringify({ jsonrpc: "2.0", method: ROOM_REPLAY_METHOD, params: info }));
    for (const json of this.#log.since(since)) connection.send(eventFrame(json));
  }

  #record(record: ToolCallRecord, session: McpSession): void {
    const { json } = this.#log.append({
      at: new Date().toISOString(),
      by: session.state.name,
      tool: record.tool,
      arguments: record.arguments,
      ...(record.error ? { error: record.error } : { result: record.result }),
    });
    this.broadcast(eventFrame(json));
  }
}
