/**
 * @module The floor: a bare partyserver room that answers a JSON-RPC-shaped frame with no MCP at all.
 *
 * It does the I/O the contract asks of math-mcp and nothing more: it answers the caller and sends every
 * socket of the room (the caller's included) an event frame of the same shape as math-mcp's.
 * Subclasses add one cost each (a durable write, validation), so each is measured on its own.
 */
import { Server } from "partyserver";
import type { Connection, WSMessage } from "partyserver";

/** The part of a frame the floor reads. */
export type FloorRequest = { id: number | string; params?: { name?: unknown; arguments?: unknown } };

const RESULT = { content: [{ type: "text", text: "2 + 3 = 5" }], structuredContent: { value: 5 } };
const EVENT_PREFIX = `{"jsonrpc":"2.0","method":"notifications/room/event","params":`;
export const eventFrame = (eventJson: string) => `${EVENT_PREFIX}${eventJson}}`;

/** Answers a POSTed JSON-RPC request with the call's result (after `record`), and a notification with 202. */
export async function answerHttp(request: Request, record: (id: number | string) => void = () => {}): Promise<Response> {
  const message = JSON.parse(await request.text()) as { id?: number | string };
  if (message.id === undefined) return new Response(null, { status: 202 });
  record(message.id);
  return Response.json({ jsonrpc: "2.0", id: message.id, result: RESULT });
}

export class Floor extends Server {
  static override options = { hibernate: true };
  /** The last event's seq (kept in memory only: the bare floor has no log). */
  protected lastSeq = 0;

  override onMessage(connection: Connection, message: WSMessage): void {
    const request = this.accept(JSON.parse(message as string));
    const seq = ++this.lastSeq;
    const event = JSON.stringify({
      seq,
      at: new Date().toISOString(),
      by: "bench",
      tool: request.params?.name,
      arguments: request.params?.arguments,
      result: RESULT,
    });
    this.store(seq, event);
    // Serialized once for the whole room, as math-mcp does.
    this.broadcast(eventFrame(event));
    connection.send(JSON.stringify({ jsonrpc: "2.0", id: request.id, result: RESULT }));
  }

  /** Streamable HTTP's floor: a JSON-RPC request answered as JSON (a notification: 202), after its event is kept. */
  override onRequest(request: Request): Promise<Response> {
    return answerHttp(request, (id) => {
      const seq = ++this.lastSeq;
      this.store(seq, JSON.stringify({ seq, at: new Date().toISOString(), by: "bench", tool: "add", arguments: { id }, result: RESULT }));
    });
  }

  /** Checks a parsed frame; the bare floor trusts it. */
  protected accept(value: unknown): FloorRequest {
    return value as FloorRequest;
  }

  /** Keeps an event; the bare floor keeps nothing. */
  protected store(_seq: number, _eventJson: string): void {}
}
