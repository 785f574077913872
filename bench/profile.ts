/**
 * @module A V8 CPU profile of math-mcp's isolate while it serves a load, through `wrangler dev`'s
 * inspector: where the room's own JavaScript spends its time, by function (self time), beside the time
 * the isolate spent outside JavaScript (the runtime: I/O, SQLite, the output gate, idle).
 */

import WebSocket from "ws";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Runs `load` with the profiler on; answers the profile. */
export async function profileWhile(inspectorPort: number, load: () => Promise<void>): Promise<Profile> {
  // wrangler's inspector proxy takes only connections that name a local Origin.
  const ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`, { origin: "http://localhost" });
  await new Promise((open, fail) => (ws.once("open", open), ws.once("error", fail)));
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send("Profiler.enable");
    await send("Profiler.setSamplingInterval", { interval: 100 });
    await send("Profiler.start");
    await load();
    return ((await send("Profiler.stop")) as { profile: Profile }).profile;
  } finally {
    ws.close();
  }
}

/** Self time by function (top `count`), with the share of all sampled time; the runtime's own time apart. */
export function hotSpots(profile: Profile, count = 15): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(/^.*\/(party|shared|node_modules)\//, "$1/");
    const name = frame.url ? `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}` : frame.functionName;
    self.set(name, (self.get(name) ?? 0) + delta);
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  return [
    "| where the isolate's time goes (V8 CPU profile, self time) | ms | share |",
    "| --- | ---: | ---: |",
    ...rows.map(([name, micros]) => `| ${name.replaceAll("|", "\\|")} | ${(micros / 1000).toFixed(1)} | ${((100 * micros) / total).toFixed(1)}% |`),
  ].join("\n");
}
