/**
 * @module The floor fixture worker: `/rooms/{room}/mcp` reaches a bare partyserver room; `?floor=write`
 * or `?floor=validate` reaches the same room with one cost added (see floor-write.ts, floor-validate.ts).
 * Streamable HTTP's floors: `/http/worker` answers a JSON-RPC POST in the Worker itself; `/http/room`
 * passes it to a bare room that answers (what any room reached over HTTP pays: the request path of
 * the runtime, and one Durable Object hop), and `/http/room?floor=write` to one that first writes the
 * call's event (the durable floor over HTTP).
 */
import type { Floor } from "./floor.ts";
import { answerHttp } from "./floor.ts";

export { Floor } from "./floor.ts";
export { FloorWrite } from "./floor-write.ts";
export { FloorValidate } from "./floor-validate.ts";

type Env = { Floor: DurableObjectNamespace<Floor>; FloorWrite: DurableObjectNamespace<Floor>; FloorValidate: DurableObjectNamespace<Floor> };

const VARIANTS = { write: "FloorWrite", validate: "FloorValidate" } as const;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/http/worker") return answerHttp(request);
    if (url.pathname === "/http/room") {
      // ?floor=write: the room writes the call's event first, as math-mcp does (its commit holds the answer).
      const rooms = url.searchParams.get("floor") === "write" ? env.FloorWrite : env.Floor;
      return rooms.get(rooms.idFromName("http")).fetch(request);
    }
    const room = /^\/rooms\/([^/]+)\/mcp$/.exec(url.pathname)?.[1];
    if (!room) return new Response("not found", { status: 404 });
    const variant = url.searchParams.get("floor");
    const binding = variant === null ? "Floor" : VARIANTS[variant as keyof typeof VARIANTS];
    if (!binding) return new Response(`unknown floor variant: ${variant}`, { status: 400 });
    const namespace = env[binding];
    const response = await namespace.get(namespace.idFromName(room)).fetch(request);
    if (!response.webSocket) return response;
    // Name the subprotocol, as math-mcp does: clients that asked for "mcp" drop sockets without it.
    return new Response(null, { status: 101, webSocket: response.webSocket, headers: { "Sec-WebSocket-Protocol": "mcp" } });
  },
};
