/**
 * Plain HTTP against the Worker inside workerd, for Streamable HTTP and the seed API.
 */
import { exports } from "cloudflare:workers";

export const ORIGIN = "http://room.test";
export const ACCEPT_BOTH = "application/json, text/event-stream";

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: ACCEPT_BOTH, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function request(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(`${ORIGIN}${path}`, init);
}

export const initializeBody = (id: number | string = 1, protocolVersion = "2025-11-25") => ({
  jsonrpc: "2.0",
  id,
  method: "initialize",
  params: { protocolVersion, capabilities: {}, clientInfo: { name: "http-test", version: "1" } },
});

/** Initializes a Streamable HTTP session and answers its id. */
export async function openSession(path: string): Promise<string> {
  const response = await post(path, initializeBody());
  if (response.status !== 200) throw new Error(`initialize: ${response.status} ${await response.text()}`);
  const id = response.headers.get("Mcp-Session-Id");
  if (!id) throw new Error("no Mcp-Session-Id");
  await post(path, { jsonrpc: "2.0", method: "notifications/initialized" }, { "Mcp-Session-Id": id });
  return id;
}

/** Reads SSE events from a response body, one at a time. */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #buffer = "";
  readonly #decoder = new TextDecoder();

  constructor(response: Response) {
    this.#reader = response.body!.getReader();
  }

  /** The next event with data (priming events and comments are skipped unless `withEmpty`). */
  async next(withEmpty = false): Promise<{ id?: string; data: string }> {
    for (;;) {
      const end = this.#buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const lines = block.split("\n");
        const id = lines.find((l) => l.startsWith("id: "))?.slice(4);
        const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.replace(/^data: ?/, "")).join("\n");
        if (lines.every((l) => l.startsWith(":"))) continue;
        if (data.includes('"method":"notifications/room/presence"')) continue;
        if (data || withEmpty) return { id, data };
        continue;
      }
      const { value, done } = await this.#reader.read();
      if (done) throw new Error("stream ended");
      this.#buffer += this.#decoder.decode(value, { stream: true });
    }
  }

  async json(): Promise<any> {
    return JSON.parse((await this.next()).data);
  }

  cancel(): Promise<void> {
    return this.#reader.cancel();
  }
}
