/**
 * @module The room's socket sessions (MCP and seed), by session id. An MCP session outlives its
 * socket: a client that comes back with `?session=` within the resume window gets it back, with its
 * protocol state and the answers that waited for it.
 */
import type { Connection } from "partyserver";
import { LATEST_PROTOCOL_VERSION } from "../../shared/mcp.ts";
import type { SeedServerEnvelope } from "../../shared/seed.ts";
import type { McpEngine } from "../engine/engine.ts";
import type { McpSession } from "../engine/session.ts";
import { newSessionState } from "../engine/session-state.ts";
import type { SessionState } from "../engine/session-state.ts";
import type { SessionStore } from "../log/session-store.ts";
import type { ToolRegistry } from "../tools/registry.ts";
import { SeedTransport } from "../seed/seed-transport.ts";
import { newSessionId } from "../ids.ts";
import { WebSocketTransport } from "./websocket.ts";

/** What a socket's attachment holds; it survives hibernation. Everything else is in SQLite. */
export type ConnectionState = { sessionId: string };

type Live =
  | { kind: "websocket"; transport: WebSocketTransport; session: McpSession }
  | { kind: "seed"; transport: SeedTransport; session: McpSession; connectionId: string };

export type SocketSessionsOptions = {
  room: string;
  engine: McpEngine;
  store: SessionStore;
  tools: ToolRegistry;
  /** How long a detached MCP session can be resumed. */
  resumeWindowMs: number;
  /** Closes another socket of the room (the old socket of a resumed session). */
  closeConnection: (connectionId: string, code: number, reason: string) => void;
};

const send = (connection: Connection, frame: string) => {
  try {
    connection.send(frame);
  } catch {
    // Closed meanwhile.
  }
};

export class SocketSessions {
  readonly #live = new Map<string, Live>();
  readonly #options: SocketSessionsOptions;

  constructor(options: SocketSessionsOptions) {
    this.#options = options;
  }

  /**
   * A new socket: an MCP socket naming a session it may resume gets that session back; any other
   * starts a new one. Answers the session id and whether it resumed.
   */
  open(
    connection: Connection<ConnectionState>,
    kind: "websocket" | "seed",
    options: { name?: string; resume?: string | null; access?: "write" | "read" },
  ): { sessionId: string; resumed: boolean } {
    this.#forgetExpired();
    const { store, room } = this.#options;
    const previous = kind === "websocket" && options.resume ? store.get(options.resume) : undefined;
    const resumable = previous?.kind === "websocket" && previous.id.startsWith(`${room}.`);
    const state: SessionState = resumable ? previous : newSessionState(newSessionId(room), kind, options.name);
    if (kind === "seed") Object.assign(state, { initialized: true, protocolVersion: LATEST_PROTOCOL_VERSION });
    if (!resumable && options.access === "read") state.access = "read";
    if (!resumable) store.save(state);
    connection.setState({ sessionId: state.id });
    const live = this.#live.get(state.id);
    if (resumable && live?.kind === "websocket" && live.transport.connectionId && live.transport.connectionId !== connection.id) {
      this.#options.closeConnection(live.transport.connectionId, 1000, "session resumed on another connection");
    }
    return { sessionId: state.id, resumed: resumable };
  }

  /** The live session of a socket, rebuilt from storage after the room woke; attaching it delivers what waited. */
  forConnection(connection: Connection<ConnectionState>): Live {
    const sessionId = connection.state?.sessionId ?? newSessionId(this.#options.room);
    let live = this.#live.get(sessionId);
    if (!live) {
      const kind = connection.tags.includes("seed") ? "seed" : "websocket";
      live = this.#build(this.#options.store.get(sessionId) ?? newSessionState(sessionId, kind), connection);
      this.#live.set(sessionId, live);
    }
    if (live.kind === "websocket" && live.transport.connectionId !== connection.id) {
      live.transport.attach(connection);
      if (live.session.state.detachedAt !== undefined) live.session.update({ detachedAt: undefined });
    }
    return live;
  }

  /** A socket closed: its MCP session waits for a resumption; a seed session ends. */
  closed(connection: Connection<ConnectionState>): void {
    const sessionId = connection.state?.sessionId;
    if (!sessionId) return;
    const live = this.#live.get(sessionId);
    if (live?.kind === "websocket") {
      if (live.transport.connectionId !== connection.id) return; // An old socket of a resumed session.
      live.transport.detach();
      live.session.update({ detachedAt: Date.now() });
      return;
    }
    if (live?.kind === "seed" && live.connectionId !== connection.id) return;
    live?.session.end();
    this.#live.delete(sessionId);
    const stored = this.#options.store.get(sessionId);
    if (stored?.kind === "seed") this.#options.store.delete(sessionId);
    else if (stored) this.#options.store.save({ ...stored, detachedAt: Date.now() });
  }

  /** Whether the session has a socket attached now. */
  isAttached(sessionId: string): boolean {
    const live = this.#live.get(sessionId);
    if (!live) return false;
    return live.kind === "seed" || live.transport.connectionId !== undefined;
  }

  *sessions(): Generator<McpSession> {
    for (const live of this.#live.values()) yield live.session;
  }

  #build(state: SessionState, connection: Connection): Live {
    const { engine, tools } = this.#options;
    if (state.kind === "seed") {
      const transport = new SeedTransport((envelope: SeedServerEnvelope) => send(connection, JSON.stringify(envelope)), tools);
      return { kind: "seed", transport, session: engine.connect(transport, state), connectionId: connection.id };
    }
    const transport = new WebSocketTransport();
    return { kind: "websocket", transport, session: engine.connect(transport, state) };
  }

  /** Detached sessions past the resume window leave memory (storage prunes its own copy). */
  #forgetExpired(): void {
    const cutoff = Date.now() - this.#options.resumeWindowMs;
    for (const [id, live] of this.#live) {
      const detachedAt = live.session.state.detachedAt;
      if (detachedAt !== undefined && detachedAt < cutoff) {
        // What still runs for it ends with it (a listen it left open, say).
        live.session.end();
        this.#live.delete(id);
        this.#options.store.delete(id);
      }
    }
  }
}
