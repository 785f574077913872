/**
 * @module A JSON-RPC client over one WebSocket (subprotocol `mcp`): matches answers to requests by id
 * and ignores every other frame (room events).
 */

export type RpcCaller = { call(method: string, params: unknown): Promise<unknown> };

export class RpcSocket implements RpcCaller {
  readonly #ws: WebSocket;
  readonly #pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (typeof frame.id !== "number") return;
      const pending = this.#pending.get(frame.id);
      this.#pending.delete(frame.id);
      if (frame.error) pending?.reject(new Error(`JSON-RPC error: ${frame.error.message}`));
      else pending?.resolve(frame.result);
    };
    ws.onclose = () => {
      for (const { reject } of this.#pending.values()) reject(new Error("socket closed"));
      this.#pending.clear();
    };
  }

  static open(url: URL): Promise<RpcSocket> {
    const ws = new WebSocket(url, "mcp");
    return new Promise((resolve, reject) => {
      ws.onopen = () => resolve(new RpcSocket(ws));
      ws.onerror = () => reject(new Error(`cannot open ${url}`));
    });
  }

  call(method: string, params: unknown): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  close(): void {
    this.#ws.close();
  }
}
