/**
 * @module A client transport for the official MCP SDK (`client.connect(transport)`, SDK v2, either era)
 * that keeps one connection to a math-mcp room across dropped sockets: our WebSocket binding (README,
 * "The WebSocket binding"). Built on partysocket; runs in browsers and in Node.
 *
 * - Reconnects with backoff, and comes back with `?session=` (the same socket session: no new
 *   initialize, requests in flight answered) and `?since=` (exactly the room events it missed). If the
 *   room no longer has the session, a legacy client's initialize is sent again by itself.
 * - Holds outgoing messages while offline and sends again every request not yet answered; the room
 *   answers a request id once and never runs it twice (modern requests and listens included).
 * - Heartbeats: a socket that hears nothing back within the timeout is dropped as half-open.
 */
import ReconnectingWebSocket from "partysocket/ws";
import { HEARTBEAT_PING, ROOM_EVENT_METHOD, ROOM_SESSION_METHOD, RoomSessionSchema } from "../shared/events.ts";
import type { JSONRPCMessage, RequestId, Transport } from "@modelcontextprotocol/client";
import { MCP_SUBPROTOCOL } from "../shared/mcp.ts";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "closed";

export type RoomTransportOptions = {
  /** The room's MCP URL: `ws://127.0.0.1:8787/rooms/{room}/mcp` (http(s) URLs are turned into ws(s)). */
  url: string | URL;
  /** How others see this participant in the log. */
  name?: string;
  /** Replay the room's log after this seq on the first connection (0: the whole log). */
  since?: number;
  /** Resume a session this client had before (say, before a page reload): no new initialize. */
  sessionId?: string;
  /** A WebSocket implementation, where there is no global one. */
  WebSocket?: unknown;
  heartbeatIntervalMs?: number;
  heartbeatTimeoutMs?: number;
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
};

type Pending = { message: JSONRPCMessage; hidden: boolean };

const isRequest = (m: JSONRPCMessage): m is Extract<JSONRPCMessage, { id: RequestId; method: string }> => "method" in m && "id" in m;
const isResponse = (m: JSONRPCMessage) => "id" in m && ("result" in m || "error" in m);

export class RoomClientTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  /** Called whenever the connection's status changes (for a "reconnecting…" indicator). */
  onstatus?: (status: ConnectionStatus) => void;

  /** The newest room event seen; the transport asks for what follows it after a drop. */
  lastSeq?: number;
  status: ConnectionStatus = "connecting";
  /** What the room lets this session do: "read" for a viewer link (it cannot call tools). */
  access: "write" | "read" = "write";

  readonly #options: RoomTransportOptions;
  #socket?: ReconnectingWebSocket;
  #sessionId?: string;
  /** Requests sent and not answered yet, by id: sent again after a reconnection. */
  readonly #pending = new Map<RequestId, Pending>();
  /** Notifications and responses waiting for a socket. */
  #queue: JSONRPCMessage[] = [];
  #ready = false;
  #initialize?: JSONRPCMessage;
  #initialized = false;
  #hiddenIds = 0;
  #heartbeat?: ReturnType<typeof setInterval>;
  #lastHeard = 0;
  /**
   * Notifications held until the client has connected. A v2 Client that negotiates the era sends
   * `server/discover` first and reads nothing but its answer meanwhile, so what the room sends at
   * once (the replay) waits for that answer; any other first message (initialize) lets it through.
   */
  #held: JSONRPCMessage[] | undefined = [];
  #probe?: RequestId;

  constructor(options: RoomTransportOptions) {
    this.#options = options;
    this.lastSeq = options.since;
    this.#sessionId = options.sessionId;
    this.#initialized = options.sessionId !== undefined;
  }

  /**
   * The session to come back with. As the SDK's Client reads it, it is set only for an initialized
   * session (or one given to resume): a Client that finds it set after start() does not initialize.
   */
  get sessionId(): string | undefined {
    return this.#initialized ? this.#sessionId : undefined;
  }

  /**
   * The room's socket session, in either era: what a reconnection comes back with (`?session=`), and
   * what answers to in-flight requests wait for. (`sessionId`, read by the SDK, is a legacy session's.)
   */
  get roomSession(): string | undefined {
    return this.#sessionId;
  }

  /** Opens the socket; resolves once the room has named the session. */
  start(): Promise<void> {
    if (this.#socket) throw new Error("RoomClientTransport already started");
    const { WebSocket, minReconnectDelayMs = 250, maxReconnectDelayMs = 10_000 } = this.#options;
    const socket = new ReconnectingWebSocket(() => this.#url(), MCP_SUBPROTOCOL, {
      ...(WebSocket ? { WebSocket } : {}),
      minReconnectionDelay: minReconnectDelayMs,
      maxReconnectionDelay: maxReconnectDelayMs,
      reconnectionDelayGrowFactor: 1.6,
      // The transport keeps its own queue: partysocket's would send requests twice after a resumption.
      maxEnqueuedMessages: 0,
    });
    this.#socket = socket;
    socket.addEventListener("message", (event) => this.#onFrame(String(event.data)));
    socket.addEventListener("close", () => {
      this.#ready = false;
      if (this.status !== "closed") this.#setStatus("reconnecting");
    });
    socket.addEventListener("error", (event) => this.onerror?.(event.error ?? new Error(event.message ?? "WebSocket error")));
    this.#startHeartbeat();
    return new Promise((resolve) => {
      const opened = () => {
        if (!this.#ready) return;
        socket.removeEventListener("message", opened);
        resolve();
      };
      socket.addEventListener("message", opened);
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#held && this.#probe === undefined) {
      if (isRequest(message) && message.method === "server/discover") this.#probe = message.id;
      else this.#release();
    }
    if (isRequest(message)) {
      if (message.method === "initialize") this.#initialize = message;
      this.#pending.set(message.id, { message, hidden: false });
      if (this.#ready) this.#write(message);
      return;
    }
    if (this.#ready) this.#write(message);
    else this.#queue.push(message);
  }

  /** Drops the socket and connects again, resuming the session (after a network change, say). */
  reconnect(): void {
    this.#ready = false;
    this.#setStatus("reconnecting");
    this.#socket?.reconnect(4000, "client reconnect");
  }

  async close(): Promise<void> {
    this.#setStatus("closed");
    clearInterval(this.#heartbeat);
    this.#socket?.close(1000, "client closed");
    this.onclose?.();
  }

  #url(): string {
    const url = new URL(String(this.#options.url));
    url.protocol = url.protocol.replace(/^http/, "ws");
    if (this.#options.name) url.searchParams.set("name", this.#options.name);
    if (this.#sessionId) url.searchParams.set("session", this.#sessionId);
    if (this.lastSeq !== undefined) url.searchParams.set("since", String(this.lastSeq));
    return url.toString();
  }

  #onFrame(text: string): void {
    this.#lastHeard = Date.now();
    let message: JSONRPCMessage;
    try {
      message = JSON.parse(text) as JSONRPCMessage;
    } catch {
      this.onerror?.(new Error("The room sent a frame that is not JSON"));
      return;
    }
    if (!("method" in message) && !("id" in message)) return;
    if ("method" in message && message.method === ROOM_SESSION_METHOD) return this.#onSession(message.params);
    if ("method" in message && message.method === "notifications/room/pong") return;
    if ("method" in message && message.method === ROOM_EVENT_METHOD) {
      const seq = (message.params as { seq?: number } | undefined)?.seq ?? 0;
      if (this.lastSeq !== undefined && seq <= this.lastSeq) return; // Seen before the drop.
      this.lastSeq = seq;
    }
    if (isResponse(message) && "id" in message) {
      const pending = this.#pending.get(message.id as RequestId);
      this.#pending.delete(message.id as RequestId);
      if (pending?.message === this.#initialize && !("error" in message)) this.#initialized = true;
      if (pending?.hidden) return this.#afterHiddenInitialize(message);
      // The probe is answered: once the client has taken over the connection (next turn), what waited follows.
      if (this.#held && message.id === this.#probe) setTimeout(() => this.#release(), 0);
    } else if (this.#held) {
      this.#held.push(message);
      return;
    }
    this.onmessage?.(message);
  }

  #release(): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const message of held) this.onmessage?.(message);
  }

  /** The room named the session: a resumption goes on; a new session after a drop is initialized again. */
  #onSession(params: unknown): void {
    const session = RoomSessionSchema.safeParse(params);
    if (!session.success) return;
    this.#sessionId = session.data.sessionId;
    this.access = session.data.access ?? "write";
    if (this.lastSeq === undefined) this.lastSeq = session.data.lastSeq;
    this.#ready = true;
    this.#setStatus("connected");
    if (!session.data.resumed && this.#initialized && !this.#initialize) {
      this.onerror?.(new Error("The room no longer has the session to resume: connect a new Client without sessionId"));
    }
    if (!session.data.resumed && this.#initialized && this.#initialize) {
      // The room forgot us (the resume window passed): same handshake again, out of the client's sight.
      const id = `reinitialize-${++this.#hiddenIds}`;
      const again = { ...this.#initialize, id } as JSONRPCMessage;
      this.#pending.set(id, { message: again, hidden: true });
      this.#write(again);
      return;
    }
    this.#flush();
  }

  #afterHiddenInitialize(response: JSONRPCMessage): void {
    if ("error" in response) {
      this.onerror?.(new Error(`The room refused to initialize the session again: ${response.error.message}`));
      return;
    }
    this.#write({ jsonrpc: "2.0", method: "notifications/initialized" });
    this.#flush();
  }

  /** Sends what waited: an unanswered initialize first, the other unanswered requests, then the queue. */
  #flush(): void {
    const initialize = this.#initialize as { id: RequestId } | undefined;
    if (initialize && this.#pending.has(initialize.id)) this.#write(this.#initialize!);
    for (const { message, hidden } of this.#pending.values()) if (!hidden && message !== this.#initialize) this.#write(message);
    const queued = this.#queue;
    this.#queue = [];
    for (const message of queued) this.#write(message);
  }

  #write(message: JSONRPCMessage): void {
    this.#socket?.send(JSON.stringify(message));
  }

  #startHeartbeat(): void {
    const { heartbeatIntervalMs = 15_000, heartbeatTimeoutMs = 10_000 } = this.#options;
    this.#heartbeat = setInterval(() => {
      if (!this.#ready) return;
      // Silence for longer than an interval plus the timeout: the socket is half-open.
      if (Date.now() - this.#lastHeard > heartbeatIntervalMs + heartbeatTimeoutMs) {
        this.#ready = false;
        this.#setStatus("reconnecting");
        this.#socket?.reconnect(4000, "heartbeat timeout");
        return;
      }
      this.#socket?.send(HEARTBEAT_PING);
    }, heartbeatIntervalMs);
  }

  #setStatus(status: ConnectionStatus): void {
    if (this.status === status || this.status === "closed") return;
    this.status = status;
    this.onstatus?.(status);
  }
}
