/**
 * @module The report: the table of figures and ratios, the per-call costs over the floor, and the
 * issue's targets with whether each is met; BENCHMARKS.md holds all three with the machine they ran on.
 */
import type { BenchConfig } from "./config.ts";
import type { Stats } from "./stats.ts";

type Results = Map<string, Stats>;

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "—";
const pct = (a: number, b: number) => `${fmt((100 * a) / b)}%`;
const times = (a: number, b: number) => `${fmt(a / b, 1)}×`;

function get(results: Results, key: string): Stats {
  const found = results.get(key);
  if (!found) throw new Error(`no result for ${key}`);
  return found;
}

export function figures(results: Results, config: BenchConfig): string {
  const r = (key: string) => get(results, key);
  const floor = (key: string) => (s: Stats) => pct(s.perSecond, r(key).perSecond);
  const rows: [string, string, string, ((s: Stats) => string)?, ((s: Stats) => string)?][] = [
    ["floor, WebSocket sequential", "calls", "floor.seq"],
    ["floor + durable write, WebSocket sequential", "calls", "write.seq", floor("floor.seq")],
    ["floor + validation, WebSocket sequential", "calls", "validate.seq", floor("floor.seq")],
    ["math-mcp, WebSocket sequential (tools/call add)", "calls", "mcp.seq", floor("floor.seq"), (s) => times(s.perSecond, r("peer.http").perSecond)],
    [`floor, WebSocket pipelined (${config.inFlight} in flight)`, "calls", "floor.pipe"],
    [`floor + durable write, WebSocket pipelined (${config.inFlight} in flight)`, "calls", "write.pipe", floor("floor.pipe")],
    [`floor + validation, WebSocket pipelined (${config.inFlight} in flight)`, "calls", "validate.pipe", floor("floor.pipe")],
    [`math-mcp, WebSocket pipelined (${config.inFlight} in flight)`, "calls", "mcp.pipe", floor("floor.pipe")],
    ["peer (McpAgent), Streamable HTTP sequential", "calls", "peer.http"],
    ["math-mcp, Streamable HTTP sequential", "calls", "mcp.http", undefined, (s) => times(s.perSecond, r("peer.http").perSecond)],
    [`floor, fan-out to ${config.watchers} sockets`, "deliveries", "floor.fan"],
    [`floor + durable write, fan-out to ${config.watchers} sockets`, "deliveries", "write.fan", floor("floor.fan")],
    [`math-mcp, fan-out to ${config.watchers} sockets`, "deliveries", "mcp.fan", floor("floor.fan")],
  ];
  const replay = (label: string, key: string, vsFloor = "") =>
    `| ${label}, replay of ${fmt(config.replayEvents)} events on joining with ?since=0 | events | ${fmt(r(key).perSecond)} | ${fmt(r(key).p50, 1)} | | ${vsFloor} | |`;
  return [
    "| measure | unit | per second | p50 ms | p99 ms | vs floor | vs peer |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(([label, unit, key, vsFloor, vsPeer]) => {
      const s = r(key);
      return `| ${label} | ${unit} | ${fmt(s.perSecond)} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${vsFloor?.(s) ?? ""} | ${vsPeer?.(s) ?? ""} |`;
    }),
    replay("floor + durable write", "write.replay"),
    replay("math-mcp", "mcp.replay", pct(r("mcp.replay").perSecond, r("write.replay").perSecond)),
  ].join("\n");
}

/**
 * Time per call over the floor's: pipelined, the difference of 1/rate (the room is the bottleneck);
 * sequential, the difference of the p50 latencies; fan-out, the difference of the time between calls.
 */
export function costs(results: Results, config: BenchConfig): string {
  const r = (key: string) => get(results, key);
  const micros = (key: string) => 1e6 / r(`${key}.pipe`).perSecond - 1e6 / r("floor.pipe").perSecond;
  const seqMs = (key: string) => r(`${key}.seq`).p50 - r("floor.seq").p50;
  const fanMs = (key: string) => (results.has(`${key}.fan`) ? (1e3 * config.watchers) / r(`${key}.fan`).perSecond - (1e3 * config.watchers) / r("floor.fan").perSecond : NaN);
  const row = (label: string, key: string) =>
    `| ${label} | ${fmt(micros(key))} | ${key === "mcp" ? "" : pct(micros(key), micros("mcp"))} | ${fmt(seqMs(key), 2)} | ${fmt(fanMs(key), 2)} |`;
  return [
    `| cost per call over the floor | µs, pipelined | share of math-mcp's | ms at p50, sequential | ms per call, fan-out to ${config.watchers} |`,
    "| --- | ---: | ---: | ---: | ---: |",
    row("durable write (one SQLite INSERT of the event row)", "write"),
    row("validation (zod: JSON-RPC request, tools/call params, tool input)", "validate"),
    row("math-mcp, all of it", "mcp"),
  ].join("\n");
}

export type TargetCheck = { target: string; measured: string; met: boolean };

export function targets(results: Results, config: BenchConfig): TargetCheck[] {
  const rate = (key: string) => get(results, key).perSecond;
  const ratio = (a: string, b: string) => rate(a) / rate(b);
  const replayMs = get(results, "mcp.replay").p50;
  return [
    { target: "WebSocket sequential ≥ 80% of the floor's calls/s", measured: pct(rate("mcp.seq"), rate("floor.seq")), met: ratio("mcp.seq", "floor.seq") >= 0.8 },
    { target: "WebSocket pipelined ≥ 80% of the floor's calls/s", measured: pct(rate("mcp.pipe"), rate("floor.pipe")), met: ratio("mcp.pipe", "floor.pipe") >= 0.8 },
    { target: "WebSocket sequential ≥ 20× the peer's calls/s over HTTP", measured: times(rate("mcp.seq"), rate("peer.http")), met: ratio("mcp.seq", "peer.http") >= 20 },
    { target: `fan-out ≥ 80% of the floor's deliveries/s (${config.watchers} sockets)`, measured: pct(rate("mcp.fan"), rate("floor.fan")), met: ratio("mcp.fan", "floor.fan") >= 0.8 },
    { target: "Streamable HTTP ≥ the peer's calls/s", measured: times(rate("mcp.http"), rate("peer.http")), met: ratio("mcp.http", "peer.http") >= 1 },
    { target: `replay of ${fmt(config.replayEvents)} events < 500 ms`, measured: `${fmt(replayMs)} ms`, met: replayMs < 500 },
  ];
}

export function targetTable(checks: TargetCheck[]): string {
  return ["| target | measured | met? |", "| --- | ---: | :---: |", ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? "yes" : "no"} |`)].join("\n");
}

export function benchmarksMd(parts: { figures: string; costs: string; targets: string; machine: string; runs: string; date: string }): string {
  return `# Benchmarks

Written by \`npm run bench\` on ${parts.date}. Every server runs under \`wrangler dev\` on this machine and is
measured in the same run, its targets alternated within each round; compare the ratios, not the absolute figures.

- **floor**: a bare partyserver room (bench/floor/) that answers the frame and sends the room an event frame
  like math-mcp's, with no MCP; **+ durable write** adds one SQLite INSERT of the event per call, **+ validation**
  the room's zod checks. **peer**: Cloudflare's \`McpAgent\` (bench/peer/) serving the same \`add\` tool.
- Rates are of the median round; p50/p99 are that round's latencies (fan-out: from a call to its last delivery;
  replay: p50 is the time from asking to connect until the socket holds the whole log).

${parts.figures}

${parts.costs}

${parts.targets}

- Machine: ${parts.machine}
- Runs: ${parts.runs}
`;
}
