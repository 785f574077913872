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
import { ReplayBudget } from "./replay-budget.ts";
import type { HttpSessionHost } from "./streamable-http.ts";
import { ACCESS_HEADER } from "./access.ts";

type Live = { transport: HttpSessionTransport; session: McpSession };

/** What the room hears about its HTTP sessions: new ones, and their GET streams (presence). */
export type StreamWatcher = { created?(sessionId: string): void; opened(session: McpSession): void; closed(sessionId: string): void };

export class HttpSessions implements HttpSessionHost {
  readonly #live = new Map<string, Live>();
  /** Sessions with a GET stream: the only ones a broadcast reaches. */
  readonly #following = new Set<HttpSessionTransport>();
  /** What all the room's SSE streams keep for replay, together. */
  readonly #replay = new ReplayBudget();

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
    this.streams?.created?.(state.id);
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

  /**
   * Ends a session (DELETE): what runs for it stops, its streams end, and only then do the others hear
   * that it left (the session itself is not sent its own departure).
   */
  endSession(id: string): void {
    const live = this.#live.get(id);
    this.#live.delete(id);
    this.store.delete(id);
    if (live) {
      this.#following.delete(live.transport);
      live.session.end();
      void live.transport.close();
    }
    this.streams?.closed(id);
  }

  /** Sends serialized JSON-RPC to every session that has a GET stream (visiting no other). */
  broadcast(json: string): void {
    for (const transport of this.#following) transport.sendRaw(json);
  }

  /** Live sessions, for presence and resource subscriptions. */
  *sessions(): Generator<McpSession> {
    for (const live of this.#live.values()) yield live.session;
  }

  #attach(state: SessionState): Live {
    const transport = new HttpSessionTransport(state.id, this.#replay);
    const live = { transport, session: this.engine.connect(transport, state) };
    transport.onstream = (open) => {
      if (!open) return this.streams?.closed(state.id);
      // From its first GET on, the session's stream gets (and keeps for a resumption) every broadcast.
      if (this.#live.get(state.id) === live) this.#following.add(transport);
      this.streams?.opened(live.session);
    };
    this.#live.set(state.id, live);
    return live;
  }
}
