/**
 * @module The seed's envelopes as an engine transport: `mcp_request` becomes tools/call, and the
 * JSON-RPC answer goes back as `mcp_response` or `error`. The same engine serves both.
 */
import { SeedClientEnvelopeSchema } from "../../shared/seed.ts";
import type { SeedServerEnvelope } from "../../shared/seed.ts";
import type { JSONRPCMessage } from "../../shared/jsonrpc.ts";
import type { Transport } from "../engine/transport.ts";
import type { CallToolResult, ToolRegistry } from "../tools/registry.ts";
import { discover, seedResult } from "./seed-results.ts";

type Waiting = { requestId?: string | number; tool: string; args: Record<string, unknown> };

const now = () => new Date().toISOString();

export class SeedTransport implements Transport {
  onmessage?: (message: unknown) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  readonly #reply: (envelope: SeedServerEnvelope) => void;
  readonly #tools: ToolRegistry;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 1;

  /** @param reply sends one envelope to the seed client (a socket frame, or an HTTP answer). */
  constructor(reply: (envelope: SeedServerEnvelope) => void, tools: ToolRegistry) {
    this.#reply = reply;
    this.#tools = tools;
  }

  async start(): Promise<void> {}

  /** One envelope from the client, as text. */
  receive(frame: string | ArrayBuffer | ArrayBufferView): void {
    let value: unknown;
    try {
      value = JSON.parse(typeof frame === "string" ? frame : new TextDecoder().decode(frame));
    } catch {
      return this.#reply({ type: "error", error: "Invalid message: not JSON", timestamp: now() });
    }
    const parsed = SeedClientEnvelopeSchema.safeParse(value);
    if (!parsed.success) {
      const requestId = (value as { requestId?: unknown })?.requestId;
      return this.#reply({
        type: "error",
        ...(typeof requestId === "string" || typeof requestId === "number" ? { requestId } : {}),
        error: 'Invalid message: send {"type":"mcp_request","request":{"method":"add","params":{"a":5,"b":3}}} or {"type":"ping"}',
        timestamp: now(),
      });
    }
    const envelope = parsed.data;
    if (envelope.type === "ping") return this.#reply({ type: "pong", timestamp: now() });
    const { method } = envelope.request;
    const params = seedParams(method, envelope.request.params ?? {});
    const requestId = envelope.requestId;
    if (method === "discover") {
      return this.#reply({ type: "mcp_response", ...(requestId === undefined ? {} : { requestId }), result: discover(this.#tools), timestamp: now() });
    }
    const id = this.#nextId++;
    this.#waiting.set(id, { requestId, tool: method, args: params });
    this.onmessage?.({ jsonrpc: "2.0", id, method: "tools/call", params: { name: method, arguments: params } });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (!("id" in message) || typeof message.id !== "number") return; // Notifications: the room sends events itself.
    const waiting = this.#waiting.get(message.id);
    if (!waiting) return;
    this.#waiting.delete(message.id);
    const requestId = waiting.requestId === undefined ? {} : { requestId: waiting.requestId };
    if ("error" in message) return this.#reply({ type: "error", ...requestId, error: message.error.message, timestamp: now() });
    if (!("result" in message)) return;
    const result = message.result as CallToolResult;
    if (result.isError) return this.#reply({ type: "error", ...requestId, error: result.content[0]?.text ?? "failed", timestamp: now() });
    this.#reply({ type: "mcp_response", ...requestId, result: seedResult(waiting.tool, waiting.args, result), timestamp: now() });
  }

  async close(): Promise<void> {
    this.onclose?.();
  }
}

/**
 * The seed's own page sent `log` with `base: null` when the base field was left empty, and the seed
 * took that as the natural logarithm; the tool itself knows only a number or no base at all.
 */
function seedParams(method: string, params: Record<string, unknown>): Record<string, unknown> {
  if (method !== "log" || params.base !== null) return params;
  const { base: _empty, ...natural } = params;
  return natural;
}
