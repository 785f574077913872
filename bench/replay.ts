/**
 * @module Replay: fill a room's log with pipelined tool calls, then time a socket that joins with
 * `?since=0` from the moment it asks to connect until it holds the whole log, checked gap-free.
 */
import { CALL, INIT } from "./config.ts";
import { expectFive, pipelined } from "./load.ts";
import { RpcSocket } from "./rpc-socket.ts";
import { stats } from "./stats.ts";
import type { Stats } from "./stats.ts";

type Frame = { method?: string; params?: { seq?: number; from?: number | null; through?: number } };

/** Appends `events` events to the room's log with pipelined tools/call (after initialize, for an MCP room). */
export async function fill(roomUrl: URL, events: number, inFlight: number, mcp: boolean): Promise<void> {
  const socket = await RpcSocket.open(roomUrl);
  try {
    if (mcp) await socket.call("initialize", INIT);
    expectFive(await socket.call("tools/call", CALL));
    await pipelined(socket, events - 1, inFlight, "tools/call", CALL);
  } finally {
    socket.close();
  }
}

/** Joins with `?since=0` and resolves with how long it took to receive the events the replay announced. */
export function join(roomUrl: URL, expected: number, timeoutMs = 60_000): Promise<Stats> {
  const url = new URL(roomUrl);
  url.searchParams.set("since", "0");
  const start = performance.now();
  const ws = new WebSocket(url, "mcp");
  return new Promise<Stats>((resolve, reject) => {
    const fail = (error: Error) => (clearTimeout(timer), ws.close(), reject(error));
    const timer = setTimeout(() => fail(new Error(`replay: not all ${expected} events arrived in ${timeoutMs} ms`)), timeoutMs);
    let next = 0;
    let through = 0;
    let received = 0;
    ws.onerror = () => fail(new Error(`cannot open ${url}`));
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as Frame;
      if (frame.method === "notifications/room/replay") {
        next = frame.params?.from ?? 0;
        through = frame.params?.through ?? 0;
        if (through - next + 1 !== expected) fail(new Error(`replay announced ${through - next + 1} events, not ${expected}`));
        return;
      }
      if (frame.method !== "notifications/room/event") return;
      if (frame.params?.seq !== next) return fail(new Error(`replay: expected seq ${next}, got ${frame.params?.seq}`));
      next++;
      if (++received === expected && next - 1 === through) {
        const ms = performance.now() - start;
        clearTimeout(timer);
        ws.close();
        resolve(stats([ms], ms / 1000, received));
      }
    };
  });
}
