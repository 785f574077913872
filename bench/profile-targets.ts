/**
 * @module For each target a run did not meet, a V8 CPU profile of math-mcp's isolate under the load
 * that target measures: where the time goes, by function, beside the runtime's own time.
 */
import { CALL, INIT } from "./config.ts";
import type { BenchConfig } from "./config.ts";
import { fanOut } from "./fan-out.ts";
import { HttpMcpSession } from "./http-session.ts";
import { pipelined, sequential } from "./load.ts";
import type { FilledRooms, Servers } from "./measures.ts";
import { freshRoom } from "./measures.ts";
import { hotSpots, profileWhile } from "./profile.ts";
import type { ProfileLoad, TargetCheck } from "./report.ts";
import { RpcSocket } from "./rpc-socket.ts";

const TITLES: Record<ProfileLoad, string> = {
  seq: "WebSocket sequential (the long-lived room)",
  pipe: "WebSocket pipelined (the long-lived room)",
  http: "Streamable HTTP sequential",
  fan: "fan-out",
};

async function onSocket(url: URL, use: (socket: RpcSocket) => Promise<unknown>): Promise<void> {
  const socket = await RpcSocket.open(url);
  try {
    await socket.call("initialize", INIT);
    await use(socket);
  } finally {
    socket.close();
  }
}

function load(kind: ProfileLoad, servers: Servers, config: BenchConfig, filled: FilledRooms): () => Promise<void> {
  switch (kind) {
    case "seq":
      return () => onSocket(filled.long.mcp, (s) => sequential(s, config.sequentialCalls, "tools/call", CALL));
    case "pipe":
      return () => onSocket(filled.long.mcp, (s) => pipelined(s, config.pipelinedCalls, config.inFlight, "tools/call", CALL));
    case "http":
      return async () => {
        const session = await HttpMcpSession.open(new URL(`/rooms/${freshRoom("profile")}/mcp`, servers.mathMcp.origin));
        await sequential(session, config.httpCalls, "tools/call", CALL);
        await session.close();
      };
    case "fan":
      return async () => {
        const url = servers.mathMcp.wsUrl(`/rooms/${freshRoom("profile-fan")}/mcp`);
        await fanOut(url, async (caller) => void (await caller.call("initialize", INIT)), { watchers: config.watchers, calls: config.fanOutCalls, warmUp: 5 });
      };
  }
}

/** The profiles of the loads behind the unmet targets, as Markdown ("" when every target is met). */
export async function profileUnmet(checks: TargetCheck[], servers: Servers, config: BenchConfig, filled: FilledRooms): Promise<string> {
  const loads = [...new Set(checks.filter((c) => !c.met && c.load).map((c) => c.load!))];
  if (loads.length === 0) return "";
  const sections: string[] = [];
  for (const kind of loads) {
    const profile = await profileWhile(servers.mathMcp.inspectorPort, load(kind, servers, config, filled));
    sections.push(`### ${TITLES[kind]}\n\n${hotSpots(profile)}`);
  }
  return [
    "## Profiles of the targets not met",
    "",
    "A V8 CPU profile of math-mcp's isolate (the Worker and its rooms) while it serves the load the target",
    "measures, sampled every 100 µs: self time by function (`worker.js:LINE` is the bundle wrangler dev built),",
    "`(idle)` the isolate waiting (I/O, commits, the network), `(program)` and unnamed native frames the",
    "runtime's own work. On a loaded machine the samples count wall time, so they say where the time goes,",
    "not only the CPU.",
    "",
    sections.join("\n\n"),
  ].join("\n");
}
