/**
 * @module The floor: a bare partyserver room that answers a JSON-RPC-shaped frame with no MCP at all.
 * math-mcp's figures are measured against it, in the same run.
 */
import { Server } from "partyserver";
import type { Connection, WSMessage } from "partyserver";

export class Floor extends Server {
  static override options = { hibernate: true };

  override onMessage(connection: Connection, message: WSMessage): void {
    const { id } = JSON.parse(message as string) as { id: number };
    connection.send(JSON.stringify({ jsonrpc: "2.0", id, result: { content: [{ type: "text", text: "2 + 3 = 5" }], structuredContent: { value: 5 } } }));
  }
}

export default {
  async fetch(request: Request, env: { Floor: DurableObjectNamespace<Floor> }): Promise<Response> {
    const room = /^\/rooms\/([^/]+)\/mcp$/.exec(new URL(request.url).pathname)?.[1];
    if (!room) return new Response("not found", { status: 404 });
    const response = await env.Floor.get(env.Floor.idFromName(room)).fetch(request);
    if (!response.webSocket) return response;
    // Name the subprotocol, as math-mcp does: clients that asked for "mcp" drop sockets without it.
    return new Response(null, { status: 101, webSocket: response.webSocket, headers: { "Sec-WebSocket-Protocol": "mcp" } });
  },
};
