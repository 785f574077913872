/**
 * @module Streamable HTTP for one room, both eras: a POST whose body claims 2026-07-28 is served
 * statelessly (modern-http.ts); the rest is the 2025-11-25 binding — POST, GET and DELETE on sessions.
 */
import { classifyMessage, ErrorCode } from "../../shared/jsonrpc.ts";
import { SUPPORTED_PROTOCOL_VERSIONS } from "../../shared/mcp.ts";
import { httpEra } from "../engine/era.ts";
import type { HttpSessionTransport } from "./http-session-transport.ts";
import { parseEventId, SSE_HEADERS } from "./sse-stream.ts";
import { rpcProblem } from "./problem.ts";
import { serialize } from "../engine/wire.ts";
import { accepts, mediaType } from "./media-type.ts";
import { serveModernHttp } from "./modern-http.ts";
import type { ModernHttpHost } from "./modern-http.ts";

export type StreamableHttpOptions = {
  /** How modern requests are served here; without it they are refused as the legacy binding would. */
  modern?: ModernHttpHost;
  /** A legacy session over its rate: how long to wait, and why. */
  rateLimit?: (sessionId: string) => { retryAfterMs: number; message: string } | undefined;
};

/** What the room provides: its sessions, created on initialize and found by id afterwards. */
export interface HttpSessionHost {
  /** A new session for an initialize request (which may carry what the room needs to know, as headers). */
  createSession(request: Request): HttpSessionTransport;
  findSession(id: string): HttpSessionTransport | undefined;
  /** The version the session negotiated, once it has. */
  protocolVersion(id: string): string | undefined;
  endSession(id: string): void;
}

export const SESSION_HEADER = "Mcp-Session-Id";
const MAX_BODY_BYTES = 1024 * 1024;
const ALLOW = "GET, POST, DELETE";
const JSON_HEADERS = { "Content-Type": "application/json" } as const;

const acceptsType = (request: Request, type: string) => accepts(request.headers.get("Accept"), type);

export async function handleStreamableHttp(request: Request, host: HttpSessionHost, options: StreamableHttpOptions = {}): Promise<Response> {
  const limited = request.method === "POST" ? undefined : overRate(request, options);
  if (limited) return limited;
  switch (request.method) {
    case "POST":
      return post(request, host, options);
    case "GET":
      return get(request, host);
    case "DELETE":
      return del(request, host);
    default:
      return rpcProblem(405, ErrorCode.InvalidRequest, `Method not allowed: use ${ALLOW}`, { Allow: ALLOW });
  }
}

/** Finds the session the request names, or the error response to give instead. */
function session(request: Request, host: HttpSessionHost): HttpSessionTransport | Response {
  const id = request.headers.get(SESSION_HEADER);
  if (!id) return rpcProblem(400, ErrorCode.InvalidRequest, `Bad Request: the ${SESSION_HEADER} header is required (send initialize first to get one)`);
  const found = host.findSession(id);
  if (!found) return rpcProblem(404, ErrorCode.InvalidRequest, "Session not found: it ended or never existed; send initialize again without a session id");
  const version = request.headers.get("MCP-Protocol-Version");
  if (version !== null && !(SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(version)) {
    return rpcProblem(400, ErrorCode.InvalidRequest, `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)}; supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}`);
  }
  return found;
}

/** Answers early without reading the body; the body is cancelled so that nobody streams into a closed request. */
async function refuse(request: Request, response: Response): Promise<Response> {
  await request.body?.cancel().catch(() => {});
  return response;
}

/** The legacy answer to a session over its rate: 429, Retry-After, and -32029 with `data.retryAfterMs`. */
function overRate(request: Request, { rateLimit }: StreamableHttpOptions): Response | undefined {
  const sessionId = request.headers.get(SESSION_HEADER);
  const over = sessionId && rateLimit ? rateLimit(sessionId) : undefined;
  if (!over) return undefined;
  return Response.json(
    { jsonrpc: "2.0", id: null, error: { code: ErrorCode.RateLimited, message: over.message, data: { retryAfterMs: over.retryAfterMs } } },
    { status: 429, headers: { "Retry-After": String(Math.ceil(over.retryAfterMs / 1000)) } },
  );
}

async function post(request: Request, host: HttpSessionHost, options: StreamableHttpOptions): Promise<Response> {
  if (mediaType(request.headers.get("Content-Type")) !== "application/json") {
    return refuse(request, rpcProblem(415, ErrorCode.InvalidRequest, "Unsupported Media Type: send Content-Type: application/json"));
  }
  if (!acceptsType(request, "application/json") || !acceptsType(request, "text/event-stream")) {
    return refuse(request, rpcProblem(406, ErrorCode.InvalidRequest, "Not Acceptable: the Accept header must list both application/json and text/event-stream"));
  }
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return refuse(request, rpcProblem(413, ErrorCode.InvalidRequest, `Payload Too Large: at most ${MAX_BODY_BYTES} bytes per message`));
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return rpcProblem(413, ErrorCode.InvalidRequest, `Payload Too Large: at most ${MAX_BODY_BYTES} bytes per message`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return rpcProblem(400, ErrorCode.ParseError, "Parse error: the body is not valid JSON");
  }
  if (options.modern && httpEra(body, request.headers.get("MCP-Protocol-Version")) === "modern") return serveModernHttp(request, body, options.modern);
  const limited = overRate(request, options);
  if (limited) return limited;
  if (Array.isArray(body)) return rpcProblem(400, ErrorCode.InvalidRequest, "Batches are not supported: send one JSON-RPC message per request");
  const message = classifyMessage(body);
  if (!message) return rpcProblem(400, ErrorCode.InvalidRequest, "Invalid Request: the body is not a JSON-RPC 2.0 request, notification or response");

  if (message.kind === "request" && message.message.method === "initialize") {
    if (request.headers.has(SESSION_HEADER)) {
      return rpcProblem(400, ErrorCode.InvalidRequest, `Bad Request: initialize starts a new session; send it without ${SESSION_HEADER}`);
    }
    const transport = host.createSession(request);
    const answer = await transport.request(message.message);
    const response = await respond(answer, host, transport);
    if (answer.kind === "json" && "error" in answer.message) host.endSession(transport.sessionId);
    else response.headers.set(SESSION_HEADER, transport.sessionId);
    return response;
  }

  const transport = session(request, host);
  if (transport instanceof Response) return transport;
  if (message.kind !== "request") {
    transport.deliver(message.message);
    return new Response(null, { status: 202 });
  }
  return respond(await transport.request(message.message), host, transport);
}

async function respond(
  answer: Awaited<ReturnType<HttpSessionTransport["request"]>>,
  host: HttpSessionHost,
  transport: HttpSessionTransport,
): Promise<Response> {
  if (answer.kind === "json") return new Response(serialize(answer.message), { headers: JSON_HEADERS });
  // A released connection needs the priming event's id to come back with, whatever the version.
  const prime = answer.release || (host.protocolVersion(transport.sessionId) ?? "") >= "2025-11-25";
  const body = answer.stream.connect(undefined, prime);
  if (answer.release) answer.stream.disconnect();
  return new Response(body, { headers: SSE_HEADERS });
}

function get(request: Request, host: HttpSessionHost): Response {
  if (!acceptsType(request, "text/event-stream")) {
    return rpcProblem(406, ErrorCode.InvalidRequest, "Not Acceptable: the Accept header must list text/event-stream");
  }
  const transport = session(request, host);
  if (transport instanceof Response) return transport;
  const lastEventId = request.headers.get("Last-Event-ID");
  if (lastEventId !== null) {
    const position = parseEventId(lastEventId);
    const resumed = position && transport.resume(position.streamId, position.n);
    if (!resumed) return rpcProblem(404, ErrorCode.InvalidRequest, "Unknown or expired Last-Event-ID: that stream cannot be resumed");
    return new Response(resumed, { headers: SSE_HEADERS });
  }
  const prime = (host.protocolVersion(transport.sessionId) ?? "") >= "2025-11-25";
  const stream = transport.openStandalone(prime);
  if (!stream) return rpcProblem(409, ErrorCode.InvalidRequest, "Conflict: this session already has an open GET stream");
  return new Response(stream, { headers: SSE_HEADERS });
}

function del(request: Request, host: HttpSessionHost): Response {
  const transport = session(request, host);
  if (transport instanceof Response) return transport;
  host.endSession(transport.sessionId);
  return new Response(null, { status: 200 });
}
