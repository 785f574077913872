/**
 * @module A Streamable HTTP MCP session, the same client code for math-mcp and the peer: initialize
 * (which answers the `Mcp-Session-Id`), notifications/initialized, then one POST per call. An answer may
 * come as JSON or as an SSE stream; both are read.
 */
import type { RpcCaller } from "./rpc-socket.ts";

const PROTOCOL_VERSION = "2025-06-18";
const INIT = { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "bench", version: "1" } };
type Answer = { id?: number; result?: unknown; error?: { message: string } };

export class HttpMcpSession implements RpcCaller {
  readonly #endpoint: URL;
  #sessionId = "";
  #nextId = 1;

  private constructor(endpoint: URL) {
    this.#endpoint = endpoint;
  }

  static async open(endpoint: URL): Promise<HttpMcpSession> {
    const session = new HttpMcpSession(endpoint);
    await session.call("initialize", INIT);
    await session.#post({ jsonrpc: "2.0", method: "notifications/initialized" });
    return session;
  }

  async call(method: string, params: unknown): Promise<unknown> {
    const id = this.#nextId++;
    const response = await this.#post({ jsonrpc: "2.0", id, method, params });
    this.#sessionId ||= response.headers.get("Mcp-Session-Id") ?? "";
    const answer = await readAnswer(response, id);
    if (answer.error) throw new Error(`JSON-RPC error: ${answer.error.message}`);
    return answer.result;
  }

  async close(): Promise<void> {
    if (this.#sessionId) await (await fetch(this.#endpoint, { method: "DELETE", headers: this.#headers() })).arrayBuffer();
  }

  #headers(): Record<string, string> {
    return {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...(this.#sessionId ? { "Mcp-Session-Id": this.#sessionId, "MCP-Protocol-Version": PROTOCOL_VERSION } : {}),
    };
  }

  async #post(message: object): Promise<Response> {
    const response = await fetch(this.#endpoint, { method: "POST", headers: this.#headers(), body: JSON.stringify(message) });
    if (!response.ok) throw new Error(`POST ${this.#endpoint} answered ${response.status}: ${await response.text()}`);
    if (response.status === 202) await response.arrayBuffer();
    return response;
  }
}

/** The answer with the given id, from a JSON body or from the `data:` lines of an SSE stream. */
async function readAnswer(response: Response, id: number): Promise<Answer> {
  const text = await response.text();
  if (!(response.headers.get("Content-Type") ?? "").includes("text/event-stream")) return JSON.parse(text) as Answer;
  for (const line of text.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const answer = JSON.parse(line.slice(5)) as Answer;
    if (answer.id === id) return answer;
  }
  throw new Error(`no answer to request ${id} in the SSE stream: ${text.slice(0, 200)}`);
}
