/**
 * @module The measures of one run, grouped so that what is compared runs side by side in each round:
 * WebSocket sequential and pipelined in fresh rooms (floor, its two variants, math-mcp) and in long-lived
 * rooms (the durable floor, math-mcp), Streamable HTTP (the peer, math-mcp), fan-out (floor, floor with
 * its log, math-mcp) and replay (the floor with its log, math-mcp). Every measure reads the CPU time its
 * server spent on the measured calls.
 */
import type { WranglerDev } from "../test/support/wrangler-dev.ts";
import { CALL, INIT } from "./config.ts";
import type { BenchConfig } from "./config.ts";
import { cpuMeter } from "./cpu.ts";
import { fanOut } from "./fan-out.ts";
import { HttpMcpSession } from "./http-session.ts";
import { expectFive, pipelined, sequential } from "./load.ts";
import type { RpcCaller } from "./rpc-socket.ts";
import { RpcSocket } from "./rpc-socket.ts";
import { fill, join } from "./replay.ts";
import type { Measure } from "./rounds.ts";
import type { CpuMeter, Stats } from "./stats.ts";

export type Servers = { mathMcp: WranglerDev; floor: WranglerDev; peer: WranglerDev };
type WsTarget = { key: string; url(room: string): URL; mcp: boolean; cpu?: CpuMeter };

let rooms = 0;
/** A fresh room for every measurement: no run sees another's log or sockets. */
export const freshRoom = (what: string) => `bench-${what}-${Date.now().toString(36)}-${++rooms}`;

/** Checks the target answers right, then warms it up. */
async function warm(caller: RpcCaller, calls: number): Promise<void> {
  expectFive(await caller.call("tools/call", CALL));
  await sequential(caller, calls, "tools/call", CALL);
}

async function withSocket(url: URL, mcp: boolean, config: BenchConfig, use: (socket: RpcSocket) => Promise<Stats>): Promise<Stats> {
  const socket = await RpcSocket.open(url);
  try {
    if (mcp) await socket.call("initialize", INIT);
    await warm(socket, config.warmUp);
    return await use(socket);
  } finally {
    socket.close();
  }
}

async function withHttp(endpoint: URL, config: BenchConfig, use: (session: HttpMcpSession) => Promise<Stats>): Promise<Stats> {
  const session = await HttpMcpSession.open(endpoint);
  try {
    await warm(session, Math.min(config.warmUp, 50));
    return await use(session);
  } finally {
    await session.close();
  }
}

/** Rooms filled once, before the rounds: the replay's, and the long-lived ones. */
export type FilledRooms = { replay: { floor: URL; mcp: URL }; long: { floor: URL; mcp: URL } };

export async function fillRooms(servers: Servers, config: BenchConfig): Promise<FilledRooms> {
  const room = (dev: WranglerDev, what: string, query = "") => dev.wsUrl(`/rooms/${freshRoom(what)}/mcp${query}`);
  const filled: FilledRooms = {
    replay: { floor: room(servers.floor, "replay", "?floor=write"), mcp: room(servers.mathMcp, "replay") },
    long: { floor: room(servers.floor, "long", "?floor=write"), mcp: room(servers.mathMcp, "long") },
  };
  await Promise.all([fill(filled.replay.floor, config.replayEvents, config.inFlight, false), fill(filled.replay.mcp, config.replayEvents, config.inFlight, true)]);
  await Promise.all([fill(filled.long.floor, config.longLivedEvents, config.inFlight, false), fill(filled.long.mcp, config.longLivedEvents, config.inFlight, true)]);
  return filled;
}

export function measures(servers: Servers, config: BenchConfig, filled: FilledRooms): Measure[][] {
  const { mathMcp, floor, peer } = servers;
  const cpu = { floor: cpuMeter(floor.processGroup), mcp: cpuMeter(mathMcp.processGroup), peer: cpuMeter(peer.processGroup) };
  const fresh: WsTarget[] = [
    { key: "floor", url: (room) => floor.wsUrl(`/rooms/${room}/mcp`), mcp: false, cpu: cpu.floor },
    { key: "write", url: (room) => floor.wsUrl(`/rooms/${room}/mcp?floor=write`), mcp: false, cpu: cpu.floor },
    { key: "validate", url: (room) => floor.wsUrl(`/rooms/${room}/mcp?floor=validate`), mcp: false, cpu: cpu.floor },
    { key: "mcp", url: (room) => mathMcp.wsUrl(`/rooms/${room}/mcp`), mcp: true, cpu: cpu.mcp },
  ];
  const long: WsTarget[] = [
    { key: "writeLong", url: () => filled.long.floor, mcp: false, cpu: cpu.floor },
    { key: "mcpLong", url: () => filled.long.mcp, mcp: true, cpu: cpu.mcp },
  ];
  const ws = (targets: WsTarget[]) => [
    targets.map((t) => ({
      key: `${t.key}.seq`,
      run: () => withSocket(t.url(freshRoom(t.key)), t.mcp, config, (s) => sequential(s, config.sequentialCalls, "tools/call", CALL, t.cpu)),
    })),
    targets.map((t) => ({
      key: `${t.key}.pipe`,
      run: () => withSocket(t.url(freshRoom(t.key)), t.mcp, config, (s) => pipelined(s, config.pipelinedCalls, config.inFlight, "tools/call", CALL, t.cpu)),
    })),
  ];
  const http = [
    { key: "httpWorker", url: () => new URL("/http/worker", floor.origin), cpu: cpu.floor },
    { key: "httpRoom", url: () => new URL("/http/room", floor.origin), cpu: cpu.floor },
    { key: "httpWrite", url: () => new URL("/http/room?floor=write", floor.origin), cpu: cpu.floor },
    { key: "peer", url: () => new URL("/mcp", peer.origin), cpu: cpu.peer },
    { key: "mcp", url: () => new URL(`/rooms/${freshRoom("http")}/mcp`, mathMcp.origin), cpu: cpu.mcp },
  ];
  const fanOutTargets = fresh.filter((t) => t.key !== "validate");
  return [
    ...ws(fresh),
    ...ws(long),
    http.map((t) => ({ key: `${t.key}.http`, run: () => withHttp(t.url(), config, (s) => sequential(s, config.httpCalls, "tools/call", CALL, t.cpu)) })),
    fanOutTargets.map((t) => ({
      key: `${t.key}.fan`,
      run: () =>
        fanOut(t.url(freshRoom("fan")), async (caller) => {
          if (t.mcp) await caller.call("initialize", INIT);
        }, {
          watchers: config.watchers,
          calls: config.fanOutCalls,
          warmUp: Math.min(config.warmUp, 20),
          ...(t.cpu ? { cpu: t.cpu } : {}),
        }),
    })),
    [
      { key: "write.replay", run: () => join(filled.replay.floor, config.replayEvents) },
      { key: "mcp.replay", run: () => join(filled.replay.mcp, config.replayEvents) },
    ],
  ];
}
