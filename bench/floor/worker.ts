/**
 * @module The floor fixture worker: `/rooms/{room}/mcp` reaches a bare partyserver room; `?floor=write`
 * or `?floor=validate` reaches the same room with one cost added (see floor-write.ts, floor-validate.ts).
 */
import type { Floor } from "./floor.ts";

export { Floor } from "./floor.ts";
export { FloorWrite } from "./floor-write.ts";
export { FloorValidate } from "./floor-validate.ts";

type Env = { Floor: DurableObjectNamespace<Floor>; FloorWrite: DurableObjectNamespace<Floor>; FloorValidate: DurableObjectNamespace<Floor> };

const VARIANTS = { write: "FloorWrite", validate: "FloorValidate" } as const;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
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
