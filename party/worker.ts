/**
 * @module The Worker: checks who is asking, then routes every URL of the service to its room.
 */
import { ErrorCode } from "../shared/jsonrpc.ts";
import { MCP_SUBPROTOCOL, ROOM_NAME_PATTERN } from "../shared/mcp.ts";
import { SeedCallBodySchema, SeedCreateBodySchema } from "../shared/seed.ts";
import { parseSince } from "./config.ts";
import { accessPolicy, corsHeaders, refusal } from "./http/origin.ts";
import { offeredProtocols, unauthorized } from "./http/auth.ts";
import { ACCESS_HEADER, KEY_HEADER, presentedKey } from "./http/access.ts";
import { problem, rpcProblem } from "./http/problem.ts";
import { handleStreamableHttp, SESSION_HEADER } from "./http/streamable-http.ts";
import type { HttpSessionHost } from "./http/streamable-http.ts";
import { randomToken, roomOfSessionId } from "./ids.ts";
import { SERVER_INFO, toolRegistry } from "./server-info.ts";

export { Room } from "./room.ts";
export { ConformanceRoom } from "./conformance/room.ts";

const ROOM_PATH = /^\/rooms\/([^/]+)\/mcp\/?$/;
const SEED_SOCKET_PATH = /^\/agent\/([^/]+)\/websocket\/?$/;
/** Set on the first request: the runtime's clock reads 0 while modules load. */
let startedAt: number | undefined;
let requestsServed = 0;

const isUpgrade = (request: Request) => request.headers.get("Upgrade")?.toLowerCase() === "websocket";
type Rooms = DurableObjectNamespace<import("./room.ts").Room>;
const roomStub = (env: Env, room: string, rooms: Rooms = env.Room) => rooms.get(rooms.idFromName(room));

/** Answers Streamable HTTP errors that need no room (no session yet, or a session that names none). */
const NO_SESSIONS: HttpSessionHost = {
  createSession: () => {
    throw new Error("unreachable: initialize is routed to a room");
  },
  findSession: () => undefined,
  protocolVersion: () => undefined,
  endSession: () => {},
};

async function routeRoomSocket(request: Request, env: Env, room: string): Promise<Response> {
  const offered = offeredProtocols(request);
  const askedForAny = request.headers.has("Sec-WebSocket-Protocol");
  if (askedForAny && !offered.includes(MCP_SUBPROTOCOL)) {
    return problem(400, `Unsupported WebSocket subprotocol: ask for "${MCP_SUBPROTOCOL}"`);
  }
  try {
    parseSince(new URL(request.url));
  } catch (error) {
    return problem(400, (error as Error).message);
  }
  const response = await roomStub(env, room).fetch(request);
  if (response.status !== 101 || !response.webSocket || !askedForAny) return response;
  // partyserver's 101 names no subprotocol; a browser that asked for "mcp" drops a socket without it.
  return new Response(null, { status: 101, webSocket: response.webSocket, headers: { "Sec-WebSocket-Protocol": MCP_SUBPROTOCOL } });
}

/**
 * `/mcp`: seed calls (told apart by their body), or Streamable HTTP in a private room of `rooms` that an
 * initialize opens (named `{prefix}-{random}`) and the session id finds again.
 */
async function routeMcp(request: Request, env: Env, rooms: Rooms = env.Room, prefix = "p"): Promise<Response> {
  const sessionId = request.headers.get(SESSION_HEADER);
  if (request.method !== "POST") {
    const room = sessionId ? roomOfSessionId(sessionId) : undefined;
    return room && ROOM_NAME_PATTERN.test(room) ? roomStub(env, room, rooms).fetch(request) : handleStreamableHttp(request, NO_SESSIONS);
  }
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const isSeedBody = typeof body === "object" && body !== null && !("jsonrpc" in body) && "agentId" in body;
  if (isSeedBody && rooms === env.Room) return seedCall(body, env);
  const forward = (room: string) => roomStub(env, room, rooms).fetch(new Request(request, { body: text }));
  if (sessionId) {
    const room = roomOfSessionId(sessionId);
    return room && ROOM_NAME_PATTERN.test(room) ? forward(room) : handleStreamableHttp(new Request(request, { body: text }), NO_SESSIONS);
  }
  const isInitialize = typeof body === "object" && body !== null && (body as { method?: unknown }).method === "initialize";
  // Rooms made by the service get 128 random bits, so nobody can guess their way in.
  return isInitialize ? forward(`${prefix}-${randomToken()}`) : handleStreamableHttp(new Request(request, { body: text }), NO_SESSIONS);
}

async function seedCall(body: unknown, env: Env): Promise<Response> {
  const parsed = SeedCallBodySchema.safeParse(body);
  if (!parsed.success) return problem(400, "Invalid MCP request: send {agentId, request: {method, params}}");
  if (!ROOM_NAME_PATTERN.test(parsed.data.agentId)) return problem(404, `Agent not found: ${parsed.data.agentId}`);
  return roomStub(env, parsed.data.agentId).fetch("https://room/_seed/call", { method: "POST", body: JSON.stringify(parsed.data) });
}

async function createAgent(request: Request, env: Env): Promise<Response> {
  const body = SeedCreateBodySchema.safeParse(await request.json().catch(() => ({})));
  if (!body.success) return problem(400, "Invalid body: send {name} with a name of at most 100 characters");
  const agentId = `agent-${randomToken()}`;
  await roomStub(env, agentId).fetch("https://room/_seed/create", { method: "POST", body: JSON.stringify(body.data) });
  return Response.json({ agentId });
}

async function seedSocket(request: Request, env: Env, agentId: string): Promise<Response> {
  if (!isUpgrade(request)) return problem(426, "Upgrade Required: open a WebSocket here", { Upgrade: "websocket" });
  if (!ROOM_NAME_PATTERN.test(agentId)) return problem(404, `Agent not found: ${agentId}`);
  const stub = roomStub(env, agentId);
  const exists = await stub.fetch("https://room/_seed/exists");
  if (exists.status === 404) return problem(404, `Agent not found: ${agentId}; create one with POST /agent`);
  return stub.fetch(request);
}

/** Rooms made by POST /rooms are keyed: a writer key to act, a viewer key to watch. */
const isKeyedRoom = (room: string) => room.startsWith("r-");

/** POST /rooms: a new room with 128 random bits in its id, and its keys. */
async function createRoom(request: Request, env: Env): Promise<Response> {
  const room = `r-${randomToken()}`;
  const { writerKey, viewerKey } = await (await roomStub(env, room).fetch("https://room/_room/create", { method: "POST" })).json<{ writerKey: string; viewerKey: string }>();
  const origin = new URL(request.url).origin;
  return Response.json(
    {
      room,
      writerKey,
      viewerKey,
      mcp: `${origin}/rooms/${room}/mcp`,
      links: { writer: `${origin}/?room=${room}&key=${writerKey}`, viewer: `${origin}/?room=${room}&key=${viewerKey}` },
    },
    { status: 201 },
  );
}

/**
 * Entering a keyed room (a socket, or an initialize) takes a key; the room says what it allows, and the
 * request goes on carrying that answer. Later HTTP requests are bound by their session instead.
 */
async function admit(request: Request, env: Env, room: string): Promise<Request | Response> {
  const entering = isUpgrade(request) || (request.method === "POST" && !request.headers.has(SESSION_HEADER));
  if (!isKeyedRoom(room) || !entering) return request;
  const key = presentedKey(request);
  const answer = await roomStub(env, room).fetch("https://room/_room/access", { headers: key ? { [KEY_HEADER]: key } : {} });
  if (answer.status !== 200) {
    return problem(403, key ? "Forbidden: that key does not open this room" : `Forbidden: this room needs a key (?key= or ${KEY_HEADER})`);
  }
  const { access } = await answer.json<{ access: string }>();
  const admitted = new Request(request);
  admitted.headers.set(ACCESS_HEADER, access);
  return admitted;
}

async function route(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  const { pathname } = url;
  if (pathname === "/rooms" && request.method === "POST") return createRoom(request, env);
  const room = ROOM_PATH.exec(pathname)?.[1];
  if (room !== undefined) {
    if (!ROOM_NAME_PATTERN.test(room)) return problem(400, "Invalid room name: use 1 to 128 letters, digits, '-' or '_'");
    const admitted = await admit(request, env, room);
    if (admitted instanceof Response) return admitted;
    request = admitted;
    if (isUpgrade(request)) return routeRoomSocket(request, env, room);
    // Bodies are read here, whole, so a room that answers early (415, 406) never races a stream still arriving.
    const body = request.method === "POST" ? await request.arrayBuffer() : undefined;
    return roomStub(env, room).fetch(body ? new Request(request, { body }) : request);
  }
  if (pathname === "/mcp") return routeMcp(request, env);
  if (pathname === "/conformance/mcp" && env.CONFORMANCE_FIXTURE === "on") return routeMcp(request, env, env.ConformanceRoom, "c");
  const agentId = SEED_SOCKET_PATH.exec(pathname)?.[1];
  if (agentId !== undefined) return seedSocket(request, env, agentId);
  if (pathname === "/agent") {
    return request.method === "POST" ? createAgent(request, env) : problem(405, "Method not allowed: POST /agent {name}", { Allow: "POST" });
  }
  if (pathname === "/status" && request.method === "GET") {
    return Response.json({
      status: "ok",
      timestamp: new Date().toISOString(),
      version: SERVER_INFO.version,
      uptimeSeconds: Math.round((Date.now() - (startedAt ?? Date.now())) / 1000),
      requestsServed,
      tools: toolRegistry.list().length,
    });
  }
  return problem(404, `Not found: ${pathname}`);
}

export default {
  async fetch(incoming, env): Promise<Response> {
    requestsServed++;
    startedAt ??= Date.now();
    // Only the Worker says what a request may do in a room; a client's own say-so is dropped.
    let request: Request = incoming;
    if (request.headers.has(ACCESS_HEADER)) {
      request = new Request(request);
      request.headers.delete(ACCESS_HEADER);
    }
    const refused = refusal(request, accessPolicy(env));
    if (refused) {
      return new URL(request.url).pathname.endsWith("/mcp") && !isUpgrade(request)
        ? rpcProblem(403, ErrorCode.InvalidRequest, refused)
        : problem(403, refused);
    }
    const cors = corsHeaders(request);
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: cors });
    const denied = unauthorized(request, env.AUTH_TOKEN);
    if (denied) {
      const headers = { ...cors, "WWW-Authenticate": 'Bearer realm="math-mcp"' };
      return new URL(request.url).pathname.endsWith("/mcp") && !isUpgrade(request)
        ? rpcProblem(401, ErrorCode.InvalidRequest, denied, headers)
        : problem(401, denied, headers);
    }
    let response: Response;
    try {
      response = await route(request, env);
    } catch (error) {
      console.error("request failed:", error);
      response = problem(500, "Internal error");
    }
    if (response.status === 101 || Object.keys(cors).length === 0) return response;
    const withCors = new Response(response.body, response);
    for (const [key, value] of Object.entries(cors)) withCors.headers.set(key, value);
    return withCors;
  },
} satisfies ExportedHandler<Env>;
