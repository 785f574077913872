/**
 * @module The room's Streamable HTTP sessions: created on initialize, stored durably, rebuilt in
 * memory on the first request after the room wakes.
 */
import type { McpEngine } from "../engine/engine.ts";
import type { McpSession } from "../engine/session.ts";
import { newSessionState } from "../engine/session-state.ts";
import type { SessionState } from "../engine/session-state.ts";
import type { SessionStore } from "../log/session-store.ts";
import { newSessionId } from "../ids.ts";
import { HttpSessionTransport } from "./http-session-transport.ts";
import type { HttpSessionHost } from "./streamable-http.ts";
import { ACCESS_HEADER } from "./access.ts";

type Live = { transport: HttpSessionTransport; session: McpSession };

/** What the room hears about its HTTP sessions' GET streams (presence). */
export type StreamWatcher = { opened(session: McpSession): void; closed(sessionId: string): void };

export class HttpSessions implements HttpSessionHost {
  readonly #live = new Map<string, Live>();

  constructor(
    private readonly room: string,
    private readonly engine: McpEngine,
    private readonly store: SessionStore,
    private readonly streams?: StreamWatcher,
  ) {}

  createSession(request: Request): HttpSessionTransport {
    const state = newSessionState(newSessionId(this.room), "http");
    if (request.headers.get(ACCESS_HEADER) === "read") state.access = "read";
    this.store.save(state);
    return this.#attach(state).transport;
  }

  findSession(id: string): HttpSessionTransport | undefined {
    const live = this.#live.get(id);
    if (live) {
      this.store.touch(id);
      return live.transport;
    }
    const state = this.store.get(id);
    if (!state || state.kind !== "http") return undefined;
    this.store.touch(id);
    return this.#attach(state).transport;
  }

  protocolVersion(id: string): string | undefined {
    return this.#live.get(id)?.session.state.protocolVersion;
  }

  /** Whether the session's GET stream has a connection now. */
  hasOpenStream(id: string): boolean {
    return this.#live.get(id)?.transport.hasOpenStream ?? false;
  }

  endSession(id: string): void {
    this.streams?.closed(id);
    void this.#live.get(id)?.transport.close();
    this.#live.delete(id);
    this.store.delete(id);
  }

  /** Sends serialized JSON-RPC to every session with an open GET stream. */
  broadcast(json: string): void {
    for (const { transport } of this.#live.values()) transport.sendRaw(json);
  }

  /** Live sessions, for presence and resource subscriptions. */
  *sessions(): Generator<McpSession> {
    for (const live of this.#live.values()) yield live.session;
  }

  #attach(state: SessionState): Live {
    const transport = new HttpSessionTransport(state.id);
    const live = { transport, session: this.engine.connect(transport, state) };
    transport.onstream = (open) => (open ? this.streams?.opened(live.session) : this.streams?.closed(state.id));
    this.#live.set(state.id, live);
    return live;
  }
}
