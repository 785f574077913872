/**
 * @module The measures of one run, grouped so that what is compared runs side by side in each round:
 * WebSocket sequential and pipelined (floor, its two variants, math-mcp), Streamable HTTP (the peer,
 * math-mcp), fan-out (floor, floor with its log, math-mcp) and replay (the floor with its log, math-mcp).
 */
import type { WranglerDev } from "../test/support/wrangler-dev.ts";
import { CALL, INIT } from "./config.ts";
import type { BenchConfig } from "./config.ts";
import { fanOut } from "./fan-out.ts";
import { HttpMcpSession } from "./http-session.ts";
import { expectFive, pipelined, sequential } from "./load.ts";
import type { RpcCaller } from "./rpc-socket.ts";
import { RpcSocket } from "./rpc-socket.ts";
import { fill, join } from "./replay.ts";
import type { Measure } from "./rounds.ts";
import type { Stats } from "./stats.ts";

export type Servers = { mathMcp: WranglerDev; floor: WranglerDev; peer: WranglerDev };
type WsTarget = { key: string; url(room: string): URL; mcp: boolean };

let rooms = 0;
/** A fresh room for every measurement: no run sees another's log or sockets. */
export const freshRoom = (what: string) => `bench-${what}-${Date.now().toString(36)}-${++rooms}`;

/** Checks the target answers right, then warms it up. */
async function warm(caller: RpcCaller, calls: number): Promise<void> {
  expectFive(await caller.call("tools/call", CALL));
  await sequential(caller, calls, "tools/call", CALL);
}

async function withSocket(target: WsTarget, config: BenchConfig, use: (socket: RpcSocket) => Promise<Stats>): Promise<Stats> {
  const socket = await RpcSocket.open(target.url(freshRoom(target.key)));
  try {
    if (target.mcp) await socket.call("initialize", INIT);
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

/** The rooms the replay joins: filled once, before the rounds. */
export type ReplayRooms = { floor: URL; mcp: URL };

export async function fillReplayRooms(servers: Servers, config: BenchConfig): Promise<ReplayRooms> {
  const rooms = {
    floor: servers.floor.wsUrl(`/rooms/${freshRoom("replay")}/mcp?floor=write`),
    mcp: servers.mathMcp.wsUrl(`/rooms/${freshRoom("replay")}/mcp`),
  };
  await Promise.all([fill(rooms.floor, config.replayEvents, config.inFlight, false), fill(rooms.mcp, config.replayEvents, config.inFlight, true)]);
  return rooms;
}

export function measures(servers: Servers, config: BenchConfig, replay: ReplayRooms): Measure[][] {
  const { mathMcp, floor, peer } = servers;
  const ws: WsTarget[] = [
    { key: "floor", url: (room) => floor.wsUrl(`/rooms/${room}/mcp`), mcp: false },
    { key: "write", url: (room) => floor.wsUrl(`/rooms/${room}/mcp?floor=write`), mcp: false },
    { key: "validate", url: (room) => floor.wsUrl(`/rooms/${room}/mcp?floor=validate`), mcp: false },
    { key: "mcp", url: (room) => mathMcp.wsUrl(`/rooms/${room}/mcp`), mcp: true },
  ];
  const http = [
    { key: "peer", url: () => new URL("/mcp", peer.origin) },
    { key: "mcp", url: () => new URL(`/rooms/${freshRoom("http")}/mcp`, mathMcp.origin) },
  ];
  const fanOutTargets = ws.filter((t) => t.key !== "validate");
  return [
    ws.map((t) => ({ key: `${t.key}.seq`, run: () => withSocket(t, config, (s) => sequential(s, config.sequentialCalls, "tools/call", CALL)) })),
    ws.map((t) => ({
      key: `${t.key}.pipe`,
      run: () => withSocket(t, config, (s) => pipelined(s, config.pipelinedCalls, config.inFlight, "tools/call", CALL)),
    })),
    http.map((t) => ({ key: `${t.key}.http`, run: () => withHttp(t.url(), config, (s) => sequential(s, config.httpCalls, "tools/call", CALL)) })),
    fanOutTargets.map((t) => ({
      key: `${t.key}.fan`,
      run: () =>
        fanOut(t.url(freshRoom("fan")), async (caller) => {
          if (t.mcp) await caller.call("initialize", INIT);
        }, {
          watchers: config.watchers,
          calls: config.fanOutCalls,
          warmUp: Math.min(config.warmUp, 20),
        }),
    })),
    [
      { key: "write.replay", run: () => join(replay.floor, config.replayEvents) },
      { key: "mcp.replay", run: () => join(replay.mcp, config.replayEvents) },
    ],
  ];
}
