/**
 * @module The Worker: checks who is asking, then routes every URL of the service to its room.
 */
import { ErrorCode, salvageId } from "../shared/jsonrpc.ts";
import { MCP_SUBPROTOCOL, ROOM_NAME_PATTERN } from "../shared/mcp.ts";
import { SeedCallBodySchema, SeedCreateBodySchema } from "../shared/seed.ts";
import { parseSince } from "./config.ts";
import { accessPolicy, corsHeaders, refusal, withCors } from "./http/origin.ts";
import { offeredProtocols, unauthorized } from "./http/auth.ts";
import { KEYED_PREFIX, presentedKey } from "./http/access.ts";
import { toRoom } from "./http/forward.ts";
import { problem, rpcProblem } from "./http/problem.ts";
import { handleStreamableHttp, SESSION_HEADER } from "./http/streamable-http.ts";
import type { HttpSessionHost } from "./http/streamable-http.ts";
import { randomToken, roomOfSessionId } from "./ids.ts";
import { SERVER_INFO, toolRegistry } from "./server-info.ts";
import { httpEra } from "./engine/era.ts";
import { frontHost } from "./front.ts";
import { privateRoomOf } from "./http/private-room.ts";

export { Room } from "./room.ts";

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
  const response = await roomStub(env, room).fetch(toRoom(request));
  if (response.status !== 101 || !response.webSocket || !askedForAny) return response;
  // partyserver's 101 names no subprotocol; a browser that asked for "mcp" drops a socket without it.
  return new Response(null, { status: 101, webSocket: response.webSocket, headers: { "Sec-WebSocket-Protocol": MCP_SUBPROTOCOL } });
}

/**
 * `/mcp`: seed calls (told apart by their body), or Streamable HTTP in a private room of `rooms` that an
 * initialize opens (named `{prefix}-{random}`) and the session id finds again.
 */
export async function routeMcp(request: Request, env: Env, rooms: Rooms = env.Room, prefix = "p"): Promise<Response> {
  const sessionId = request.headers.get(SESSION_HEADER);
  if (request.method !== "POST") {
    const room = sessionId ? roomOfSessionId(sessionId) : undefined;
    return room && ROOM_NAME_PATTERN.test(room) ? roomStub(env, room, rooms).fetch(toRoom(request)) : handleStreamableHttp(request, NO_SESSIONS);
  }
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const isSeedBody = typeof body === "object" && body !== null && !("jsonrpc" in body) && "agentId" in body;
  if (isSeedBody && rooms === env.Room) return seedCall(request, body, env);
  const forward = (room: string) => roomStub(env, room, rooms).fetch(toRoom(request, text));
  if (httpEra(body, request.headers.get("MCP-Protocol-Version")) === "modern") {
    // The fixture serves every modern request in one room, so that a listen and the call that changes something meet.
    if (rooms !== env.Room) return forward(`${prefix}-modern`);
    return routeModern(request, text, body, env, forward);
  }
  if (sessionId) {
    const room = roomOfSessionId(sessionId);
    return room && ROOM_NAME_PATTERN.test(room) ? forward(room) : handleStreamableHttp(new Request(request, { body: text }), NO_SESSIONS);
  }
  const isInitialize = typeof body === "object" && body !== null && (body as { method?: unknown }).method === "initialize";
  // Rooms made by the service get 128 random bits, so nobody can guess their way in.
  return isInitialize ? forward(`${prefix}-${randomToken()}`) : handleStreamableHttp(new Request(request, { body: text }), NO_SESSIONS);
}

/**
 * A modern request on `/mcp`: in the private room it names; a tools/call that names none opens one (its
 * result's `_meta` names it); anything else is answered by the stateless front, touching no room.
 */
function routeModern(request: Request, text: string, body: unknown, env: Env, forward: (room: string) => Promise<Response>): Promise<Response> {
  const choice = privateRoomOf(body);
  if ("error" in choice) {
    const id = salvageId(body);
    return Promise.resolve(Response.json({ jsonrpc: "2.0", id, error: { code: ErrorCode.InvalidParams, message: choice.error } }, { status: 400 }));
  }
  if (choice.room) return forward(choice.room);
  if ((body as { method?: unknown }).method === "tools/call") return forward(`p-${randomToken()}`);
  return handleStreamableHttp(new Request(request, { body: text }), NO_SESSIONS, { modern: frontHost(env) });
}

/** A seed call; a keyed room's key comes as `Mcp-Room-Key`, `?key=` or the body's `key`. */
async function seedCall(request: Request, body: unknown, env: Env): Promise<Response> {
  const parsed = SeedCallBodySchema.safeParse(body);
  if (!parsed.success) return problem(400, "Invalid MCP request: send {agentId, request: {method, params}}");
  const { agentId, request: call, key } = parsed.data;
  if (!ROOM_NAME_PATTERN.test(agentId)) return problem(404, `Agent not found: ${agentId}`);
  const answer = await roomStub(env, agentId).seedCall(call, presentedKey(request) ?? key);
  return new Response(answer.json, { status: answer.status, headers: { "Content-Type": "application/json" } });
}

async function createAgent(request: Request, env: Env): Promise<Response> {
  const body = SeedCreateBodySchema.safeParse(await request.json().catch(() => ({})));
  if (!body.success) return problem(400, "Invalid body: send {name} with a name of at most 100 characters");
  const agentId = `agent-${randomToken()}`;
  await roomStub(env, agentId).createAgent(body.data.name);
  return Response.json({ agentId });
}

/** The seed's socket; the room answers 404 for an agent nobody made, and admits it like any socket. */
async function seedSocket(request: Request, env: Env, agentId: string): Promise<Response> {
  if (!isUpgrade(request)) return problem(426, "Upgrade Required: open a WebSocket here", { Upgrade: "websocket" });
  if (!ROOM_NAME_PATTERN.test(agentId)) return problem(404, `Agent not found: ${agentId}`);
  return roomStub(env, agentId).fetch(toRoom(request));
}

/** POST /rooms: a new room with 128 random bits in its id, and its keys. */
async function createRoom(request: Request, env: Env): Promise<Response> {
  const room = `${KEYED_PREFIX}${randomToken()}`;
  const { writerKey, viewerKey } = await roomStub(env, room).createKeyed();
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

/** Further paths a Worker built on this one serves (a test configuration's fixture room). */
export type ExtraRoutes = Record<string, (request: Request, env: Env) => Promise<Response>>;

async function route(request: Request, env: Env, extra: ExtraRoutes): Promise<Response> {
  const url = new URL(request.url);
  const { pathname } = url;
  if (pathname === "/rooms" && request.method === "POST") return createRoom(request, env);
  const room = ROOM_PATH.exec(pathname)?.[1];
  if (room !== undefined) {
    if (!ROOM_NAME_PATTERN.test(room)) return problem(400, "Invalid room name: use 1 to 128 letters, digits, '-' or '_'");
    if (isUpgrade(request)) return routeRoomSocket(request, env, room);
    // Bodies are read here, whole, so a room that answers early (415, 406) never races a stream still arriving.
    const body = request.method === "POST" ? await request.arrayBuffer() : undefined;
    return roomStub(env, room).fetch(toRoom(request, body));
  }
  if (pathname === "/mcp") return routeMcp(request, env);
  const extraRoute = extra[pathname];
  if (extraRoute) return extraRoute(request, env);
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

/** The service's Worker; `extra` adds paths (only test configurations do). */
export const mathWorker = (extra: ExtraRoutes = {}): ExportedHandler<Env> => ({
  async fetch(request, env): Promise<Response> {
    requestsServed++;
    startedAt ??= Date.now();
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
      response = await route(request, env, extra);
    } catch (error) {
      console.error("request failed:", error);
      response = problem(500, "Internal error");
    }
    if (response.status === 101 || Object.keys(cors).length === 0) return response;
    return withCors(response, cors);
  },
});

export default mathWorker();
