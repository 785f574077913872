/**
 * @module Fan-out: one caller and N watching sockets in one room. Each call's event must reach every
 * watcher; measured are deliveries per second and the time from a call to its last delivery.
 */
import { RpcSocket } from "./rpc-socket.ts";
import { stats } from "./stats.ts";
import type { CpuMeter, Stats } from "./stats.ts";

export type FanOutOptions = { watchers: number; calls: number; warmUp: number; timeoutMs?: number; cpu?: CpuMeter };
type RoomEvent = { method?: string; params?: { arguments?: { a?: unknown } } };

/** Counts, per call, the watchers its event has reached; call k carries `a = k` so that events name their call. */
class Deliveries {
  readonly sentAt: number[] = [];
  readonly doneAt: number[] = [];
  readonly #remaining: number[];
  readonly #watchers: number;
  #done = 0;
  #waiting?: { count: number; resolve: () => void };

  constructor(calls: number, watchers: number) {
    this.#watchers = watchers;
    this.#remaining = Array.from({ length: calls }, () => watchers);
  }

  delivered(k: number): void {
    if (!(k >= 0 && k < this.#remaining.length) || --this.#remaining[k]! !== 0) return;
    this.doneAt[k] = performance.now();
    this.#done++;
    if (this.#waiting && this.#done >= this.#waiting.count) this.#waiting.resolve();
  }

  /** Resolves once the first `count` calls have reached every watcher. */
  all(count: number, timeoutMs: number): Promise<void> {
    if (this.#done >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fan-out: ${count - this.#done} calls never reached all ${this.#watchers} watchers`)), timeoutMs);
      this.#waiting = { count, resolve: () => (clearTimeout(timer), resolve()) };
    });
  }
}

function watch(url: URL, deliveries: Deliveries): Promise<WebSocket> {
  const ws = new WebSocket(url, "mcp");
  ws.onmessage = (message) => {
    const frame = JSON.parse(String(message.data)) as RoomEvent;
    const k = frame.params?.arguments?.a;
    if (frame.method === "notifications/room/event" && typeof k === "number") deliveries.delivered(k);
  };
  return new Promise((resolve, reject) => {
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error(`cannot open ${url}`));
  });
}

/**
 * Runs `calls` sequential tools/call of `add` from one caller while `watchers` sockets watch the room.
 * `prepare` readies the caller (an MCP target wants initialize first).
 */
export async function fanOut(roomUrl: URL, prepare: (caller: RpcSocket) => Promise<void>, options: FanOutOptions): Promise<Stats> {
  const { watchers, calls, warmUp, timeoutMs = 60_000 } = options;
  const deliveries = new Deliveries(warmUp + calls, watchers);
  const caller = await RpcSocket.open(roomUrl);
  const sockets: WebSocket[] = [];
  try {
    await prepare(caller);
    sockets.push(...(await Promise.all(Array.from({ length: watchers }, () => watch(roomUrl, deliveries)))));
    const call = async (k: number) => {
      deliveries.sentAt[k] = performance.now();
      await caller.call("tools/call", { name: "add", arguments: { a: k, b: 1 } });
    };
    for (let k = 0; k < warmUp; k++) await call(k);
    await deliveries.all(warmUp, timeoutMs);
    const start = performance.now();
    const cpuBefore = options.cpu?.();
    for (let k = warmUp; k < warmUp + calls; k++) await call(k);
    await deliveries.all(warmUp + calls, timeoutMs);
    const cpuUs = cpuBefore === undefined ? undefined : (options.cpu!() - cpuBefore) / 1000 / calls;
    const measured = Array.from({ length: calls }, (_, i) => i + warmUp);
    const end = Math.max(...measured.map((k) => deliveries.doneAt[k]!));
    const latencies = measured.map((k) => deliveries.doneAt[k]! - deliveries.sentAt[k]!);
    return { ...stats(latencies, (end - start) / 1000, calls * watchers), ...(cpuUs === undefined ? {} : { cpuUs }) };
  } finally {
    caller.close();
    for (const socket of sockets) socket.close();
  }
}
