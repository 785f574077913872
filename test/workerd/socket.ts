/**
 * A room socket opened through the Worker inside workerd, with helpers to await frames.
 */
import { exports } from "cloudflare:workers";

export type Frame = Record<string, any>;

export class TestSocket {
  readonly ws: WebSocket;
  readonly protocol: string | null;
  /** From the first frame every MCP socket gets: the session to come back with. */
  session?: { sessionId: string; resumed: boolean; lastSeq: number; access?: "write" | "read" };
  /** Presence notifications, kept apart so that tests of other things see the frames they are about. */
  readonly presence: Frame[] = [];
  #presenceWaiters: ((frame: Frame) => void)[] = [];
  #queue: Frame[] = [];
  #waiters: ((frame: Frame) => void)[] = [];
  #nextId = 1;
  closed: Promise<CloseEvent>;

  private constructor(ws: WebSocket, protocol: string | null) {
    this.ws = ws;
    this.protocol = protocol;
    this.closed = new Promise((resolve) => ws.addEventListener("close", resolve));
    ws.addEventListener("message", (event) => {
      const frame = JSON.parse(event.data as string) as Frame;
      if (frame.method === "notifications/room/presence") {
        this.presence.push(frame.params);
        this.#presenceWaiters.shift()?.(frame.params);
        return;
      }
      const waiter = this.#waiters.shift();
      if (waiter) waiter(frame);
      else this.#queue.push(frame);
    });
  }

  static async open(path: string, protocols: string | null = "mcp"): Promise<TestSocket> {
    const headers: Record<string, string> = { Upgrade: "websocket" };
    if (protocols) headers["Sec-WebSocket-Protocol"] = protocols;
    const response = await exports.default.fetch(`http://room.test${path}`, { headers });
    if (response.status !== 101 || !response.webSocket) {
      throw new Error(`upgrade failed: ${response.status} ${await response.text()}`);
    }
    response.webSocket.accept();
    const socket = new TestSocket(response.webSocket, response.headers.get("Sec-WebSocket-Protocol"));
    const first = await socket.next();
    if (first.method !== "notifications/room/session") throw new Error(`expected the session frame first, got ${JSON.stringify(first)}`);
    socket.session = first.params;
    return socket;
  }

  /** The next frame, in arrival order. */
  next(): Promise<Frame> {
    const queued = this.#queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The next presence notification's params (one already received counts once). */
  #presenceSeen = 0;
  nextPresence(): Promise<Frame> {
    const seen = this.presence[this.#presenceSeen];
    if (seen) {
      this.#presenceSeen++;
      return Promise.resolve(seen);
    }
    return new Promise((resolve) =>
      this.#presenceWaiters.push((frame) => {
        this.#presenceSeen++;
        resolve(frame);
      }),
    );
  }

  /** Frames until (and including) the first that matches. */
  async until(match: (frame: Frame) => boolean): Promise<Frame[]> {
    const frames: Frame[] = [];
    for (;;) {
      const frame = await this.next();
      frames.push(frame);
      if (match(frame)) return frames;
    }
  }

  sendRaw(frame: string | ArrayBuffer): void {
    this.ws.send(frame);
  }

  /** Sends a request and resolves with its response; notifications before it are returned too. */
  async request(method: string, params?: unknown): Promise<{ response: Frame; before: Frame[] }> {
    const id = this.#nextId++;
    this.ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, ...(params === undefined ? {} : { params }) }));
    const frames = await this.until((f) => f.id === id);
    return { response: frames.at(-1)!, before: frames.slice(0, -1) };
  }

  /** Sends a modern request (its `_meta` envelope added) and resolves with its response. */
  async modern(method: string, params: Record<string, unknown> = {}, options: { id?: number | string; capabilities?: Record<string, unknown>; meta?: Record<string, unknown> } = {}): Promise<{ response: Frame; before: Frame[] }> {
    const id = options.id ?? this.#nextId++;
    const _meta = {
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "io.modelcontextprotocol/clientCapabilities": options.capabilities ?? {},
      "io.modelcontextprotocol/clientInfo": { name: "modern-socket", version: "1" },
      ...options.meta,
    };
    this.ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params: { ...params, _meta } }));
    const frames = await this.until((f) => f.id === id);
    return { response: frames.at(-1)!, before: frames.slice(0, -1) };
  }

  async initialize(name = "tester"): Promise<Frame> {
    const { response } = await this.request("initialize", {
      protocolVersion: "2025-11-25",
      capabilities: {},
      clientInfo: { name, version: "1" },
    });
    this.ws.send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
    return response;
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

export const roomPath = (room: string, query = "") => `/rooms/${room}/mcp${query}`;
export const isEvent = (f: Frame) => f.method === "notifications/room/event";
