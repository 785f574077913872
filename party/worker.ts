/**
 * @module The Worker: routes every URL of the service; rooms are Durable Objects.
 */
import { MCP_SUBPROTOCOL, ROOM_NAME_PATTERN } from "../shared/mcp.ts";
import { parseSince } from "./config.ts";
import { SERVER_INFO } from "./server-info.ts";

export { Room } from "./room.ts";

const ROOM_PATH = /^\/rooms\/([^/]+)\/mcp\/?$/;

const problem = (status: number, error: string, headers?: HeadersInit) =>
  Response.json({ error }, { status, headers });

async function routeRoom(request: Request, env: Env, room: string): Promise<Response> {
  if (!ROOM_NAME_PATTERN.test(room)) {
    return problem(400, "Invalid room name: use 1 to 128 letters, digits, '-' or '_'");
  }
  const isUpgrade = request.headers.get("Upgrade")?.toLowerCase() === "websocket";
  const offered = (request.headers.get("Sec-WebSocket-Protocol") ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (isUpgrade) {
    if (offered.length > 0 && !offered.includes(MCP_SUBPROTOCOL)) {
      return problem(400, `Unsupported WebSocket subprotocol: ask for "${MCP_SUBPROTOCOL}"`);
    }
    try {
      parseSince(new URL(request.url));
    } catch (error) {
      return problem(400, (error as Error).message);
    }
  }
  const stub = env.Room.get(env.Room.idFromName(room));
  const response = await stub.fetch(request);
  if (response.status !== 101 || !response.webSocket || offered.length === 0) return response;
  // partyserver's 101 names no subprotocol; a browser that asked for "mcp" drops a socket without it.
  return new Response(null, {
    status: 101,
    webSocket: response.webSocket,
    headers: { "Sec-WebSocket-Protocol": MCP_SUBPROTOCOL },
  });
}

export default {
  async fetch(request, env): Promise<Response> {
    const url = new URL(request.url);
    const room = ROOM_PATH.exec(url.pathname)?.[1];
    if (room !== undefined) return routeRoom(request, env, room);
    if (url.pathname === "/status" && request.method === "GET") {
      return Response.json({ status: "ok", timestamp: new Date().toISOString(), version: SERVER_INFO.version });
    }
    if (url.pathname === "/" && request.method === "GET") {
      return new Response(
        "math-mcp: shared math rooms over MCP.\nConnect an MCP client by WebSocket (subprotocol \"mcp\") to /rooms/{room}/mcp.\n",
        { headers: { "Content-Type": "text/plain; charset=utf-8" } },
      );
    }
    return problem(404, `Not found: ${url.pathname}`);
  },
} satisfies ExportedHandler<Env>;
