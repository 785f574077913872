/**
 * @module Load over any JSON-RPC caller (a WebSocket or a Streamable HTTP session): sequential calls,
 * and pipelined calls with a fixed number in flight, with each call's latency.
 */
import type { RpcCaller } from "./rpc-socket.ts";
import { metered, stats } from "./stats.ts";
import type { CpuMeter, Stats } from "./stats.ts";

export function sequential(caller: RpcCaller, calls: number, method: string, params: unknown, cpu?: CpuMeter): Promise<Stats> {
  return metered(cpu, calls, () => sequentialCalls(caller, calls, method, params));
}

export function pipelined(caller: RpcCaller, calls: number, inFlight: number, method: string, params: unknown, cpu?: CpuMeter): Promise<Stats> {
  return metered(cpu, calls, () => pipelinedCalls(caller, calls, inFlight, method, params));
}

async function sequentialCalls(caller: RpcCaller, calls: number, method: string, params: unknown): Promise<Stats> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await caller.call(method, params);
    latencies.push(performance.now() - t);
  }
  return stats(latencies, (performance.now() - start) / 1000);
}

async function pipelinedCalls(caller: RpcCaller, calls: number, inFlight: number, method: string, params: unknown): Promise<Stats> {
  const latencies: number[] = [];
  let sent = 0;
  const start = performance.now();
  async function lane(): Promise<void> {
    while (sent < calls) {
      sent++;
      const t = performance.now();
      await caller.call(method, params);
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return stats(latencies, (performance.now() - start) / 1000);
}

/** Checks that a tools/call of `add` 2 + 3 was answered 5: a broken target must not look fast. */
export function expectFive(result: unknown): void {
  const value = (result as { structuredContent?: { value?: unknown } } | undefined)?.structuredContent?.value;
  if (value !== 5) throw new Error(`tools/call add {a:2,b:3} answered ${JSON.stringify(result)}`);
}
