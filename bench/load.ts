/**
 * @module WebSocket load: sequential and pipelined JSON-RPC calls over one socket, with latencies.
 */

export type Stats = { calls: number; seconds: number; perSecond: number; p50: number; p99: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function stats(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { calls: latencies.length, seconds, perSecond: latencies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** A socket that matches responses to requests by id and ignores every other frame (room events). */
export class RpcSocket {
  readonly #ws: WebSocket;
  readonly #pending = new Map<number, (frame: unknown) => void>();
  #nextId = 1;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as { id?: number };
      if (typeof frame.id !== "number") return;
      const resolve = this.#pending.get(frame.id);
      this.#pending.delete(frame.id);
      resolve?.(frame);
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
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  close(): void {
    this.#ws.close();
  }
}

export async function sequential(socket: RpcSocket, calls: number, method: string, params: unknown): Promise<Stats> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await socket.call(method, params);
    latencies.push(performance.now() - t);
  }
  return stats(latencies, (performance.now() - start) / 1000);
}

export async function pipelined(socket: RpcSocket, calls: number, inFlight: number, method: string, params: unknown): Promise<Stats> {
  const latencies: number[] = [];
  let sent = 0;
  const start = performance.now();
  async function lane(): Promise<void> {
    while (sent < calls) {
      sent++;
      const t = performance.now();
      await socket.call(method, params);
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return stats(latencies, (performance.now() - start) / 1000);
}
