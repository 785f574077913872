/**
 * @module Streamable HTTP for modern requests (2026-07-28): the validation ladder in the order the spec
 * gives it — `_meta` (-32602), the version header (-32020), the version (-32022), the routing headers
 * (-32020), the method (404, -32601), tool argument headers (-32020), the rate limit (429) — then the
 * request runs, answered as JSON or as a stream of its own.
 */
import { classifyMessage, ErrorCode, salvageId } from "../../shared/jsonrpc.ts";
import type { JSONRPCRequest, RequestId } from "../../shared/jsonrpc.ts";
import type { Caller } from "../engine/caller.ts";
import type { McpEngine } from "../engine/engine.ts";
import { toErrorObject } from "../engine/errors.ts";
import { checkVersion, isRefusal, readEnvelope } from "../modern/ladder.ts";
import type { Envelope, Refusal } from "../modern/ladder.ts";
import { modernError, statusOf } from "../modern/results.ts";
import { serveModern } from "../modern/serve.ts";
import { paramHeaderRefusal, routingHeaderRefusal, versionHeaderRefusal } from "./mcp-headers.ts";
import { RequestStream } from "./request-stream.ts";

export type ModernHttpHost = {
  engine: McpEngine;
  /** Who the request stands for (admission, handle); throws an McpError to refuse it. */
  caller(request: Request, envelope: Envelope): Promise<Caller>;
  /** Milliseconds until this client may send again; 0 when it may now. */
  rateLimit?(request: Request): number;
  /** Adds what the host says about itself to a complete result (the room a call on /mcp opened). */
  decorate?(result: Record<string, unknown>): void;
};

const error = (id: RequestId | null, status: number, code: number, message: string, data?: unknown, headers?: HeadersInit) =>
  Response.json({ jsonrpc: "2.0", ...(id === null ? { id: null } : { id }), error: data === undefined ? { code, message } : { code, message, data } }, { status, headers });
const refused = (id: RequestId, refusal: Refusal) => error(id, refusal.status, refusal.code, refusal.message, refusal.data);

/** Serves one modern POST whose body has been read; `body` is its parsed JSON. */
export async function serveModernHttp(request: Request, body: unknown, host: ModernHttpHost): Promise<Response> {
  if (Array.isArray(body)) return error(null, 400, ErrorCode.InvalidRequest, "Batches are not supported: send one JSON-RPC message per request");
  const message = classifyMessage(body);
  if (!message) return error(salvageId(body), 400, ErrorCode.InvalidRequest, "Invalid Request: the body is not a JSON-RPC 2.0 request or notification");
  if (message.kind === "response") return error(null, 400, ErrorCode.InvalidRequest, "Invalid Request: clients do not send responses in 2026-07-28");
  // Notifications are accepted and need nothing: closing a stream is how HTTP cancels.
  if (message.kind === "notification") return new Response(null, { status: 202 });
  const rpc = message.message;
  const envelope = readEnvelope(rpc.params);
  if (isRefusal(envelope)) return refused(rpc.id, envelope);
  const refusal =
    versionHeaderRefusal(request.headers, envelope) ?? checkVersion(envelope) ?? routingHeaderRefusal(request.headers, rpc) ?? methodRefusal(host.engine, rpc) ?? paramRefusal(host.engine, request, rpc);
  if (refusal) return refused(rpc.id, refusal);
  const retryAfterMs = host.rateLimit?.(request) ?? 0;
  if (retryAfterMs > 0) {
    const text = `Rate limit: too many requests; retry after ${retryAfterMs} ms`;
    return error(rpc.id, 429, ErrorCode.TooManyRequests, text, { retryAfterMs }, { "Retry-After": String(Math.ceil(retryAfterMs / 1000)) });
  }
  let caller: Caller;
  try {
    caller = await host.caller(request, envelope);
  } catch (failure) {
    const { code, message: text, data } = modernError(toErrorObject(failure));
    return error(rpc.id, statusOf(code), code, text, data);
  }
  return answer(rpc, envelope, caller, host);
}

function methodRefusal(engine: McpEngine, rpc: JSONRPCRequest): Refusal | undefined {
  if (engine.method(rpc.method, "modern")) return undefined;
  return { status: 404, code: ErrorCode.MethodNotFound, message: `Method not found: ${rpc.method}` };
}

function paramRefusal(engine: McpEngine, request: Request, rpc: JSONRPCRequest): Refusal | undefined {
  if (rpc.method !== "tools/call") return undefined;
  const listed = engine.options.tools.list().find((tool) => tool.name === rpc.params?.name);
  return listed ? paramHeaderRefusal(request.headers, rpc.params?.arguments, listed.inputSchema) : undefined;
}

async function answer(rpc: JSONRPCRequest, envelope: Envelope, caller: Caller, host: ModernHttpHost): Promise<Response> {
  const stream = new RequestStream();
  void serveModern(host.engine, { request: rpc, envelope, caller, signal: stream.cancelled.signal, notify: (m) => stream.notify(m) }).then(
    (response) => {
      if (!response) return stream.end();
      if ("result" in response) host.decorate?.(response.result);
      stream.respond(response);
    },
    (failure: unknown) => {
      console.error(`${rpc.method} failed:`, failure);
      stream.respond({ jsonrpc: "2.0", id: rpc.id, error: { code: ErrorCode.InternalError, message: "Internal error" } });
    },
  );
  return stream.response;
}
