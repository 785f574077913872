/**
 * Modern (2026-07-28) requests against the Worker inside workerd: every request carries its `_meta`
 * envelope and the headers Streamable HTTP mirrors from the body.
 */
import { exports } from "cloudflare:workers";
import { ACCEPT_BOTH, ORIGIN } from "./http-client.ts";

export const VERSION = "2026-07-28";
export const TASKS = "io.modelcontextprotocol/tasks";

export type ModernOptions = {
  capabilities?: Record<string, unknown>;
  clientName?: string;
  /** More `_meta` keys (a room handle, a participant handle, a log level). */
  meta?: Record<string, unknown>;
  headers?: Record<string, string>;
  id?: number | string;
};

let nextId = 1;

export function envelope(options: ModernOptions = {}): Record<string, unknown> {
  return {
    "io.modelcontextprotocol/protocolVersion": VERSION,
    "io.modelcontextprotocol/clientCapabilities": options.capabilities ?? {},
    "io.modelcontextprotocol/clientInfo": { name: options.clientName ?? "modern-test", version: "1" },
    ...options.meta,
  };
}

/** The request body and its mirrored headers. */
export function modernRequest(method: string, params: Record<string, unknown> = {}, options: ModernOptions = {}) {
  const id = options.id ?? nextId++;
  const body = { jsonrpc: "2.0", id, method, params: { ...params, _meta: envelope(options) } };
  const name = params.name ?? params.uri ?? params.taskId;
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: ACCEPT_BOTH,
    "MCP-Protocol-Version": VERSION,
    "Mcp-Method": method,
    ...(typeof name === "string" ? { "Mcp-Name": name } : {}),
    ...options.headers,
  };
  return { id, body, headers };
}

export function modernPost(path: string, method: string, params: Record<string, unknown> = {}, options: ModernOptions = {}): Promise<Response> {
  const { body, headers } = modernRequest(method, params, options);
  return exports.default.fetch(`${ORIGIN}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** A modern request answered as JSON: its status and body. */
export async function modern(path: string, method: string, params: Record<string, unknown> = {}, options: ModernOptions = {}): Promise<{ status: number; body: any }> {
  const response = await modernPost(path, method, params, options);
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("text/event-stream")) {
    const text = await response.text();
    const frames = text.split("\n\n").flatMap((block) => block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => JSON.parse(l.slice(6))));
    return { status: response.status, body: frames.at(-1) };
  }
  return { status: response.status, body: await response.json() };
}
