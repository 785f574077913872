/**
 * @module The report: the table of figures and ratios, the per-call costs over the floor, and the
 * issue's targets with whether each is met; BENCHMARKS.md holds all three with the machine they ran on.
 * Rates are medians over rounds; every ratio and cost is computed within each round, then its median taken.
 */
import type { BenchConfig } from "./config.ts";
import type { Runs } from "./runs.ts";

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "—";
const pct = (ratio: number) => `${fmt(100 * ratio)}%`;
const times = (ratio: number) => `${fmt(ratio, 1)}×`;

type Row = { label: string; unit: string; key: string; vsFloor?: string; vsPeer?: string; latency?: "p50" };

export function figures(runs: Runs, config: BenchConfig): string {
  const pipe = `WebSocket pipelined (${config.inFlight} in flight)`;
  const fan = `fan-out to ${config.watchers} sockets`;
  const replay = `replay of ${fmt(config.replayEvents)} events on joining with ?since=0`;
  const rows: Row[] = [
    { label: "floor, WebSocket sequential", unit: "calls", key: "floor.seq", vsPeer: "peer.http" },
    { label: "floor + durable write, WebSocket sequential", unit: "calls", key: "write.seq", vsFloor: "floor.seq" },
    { label: "floor + validation, WebSocket sequential", unit: "calls", key: "validate.seq", vsFloor: "floor.seq" },
    { label: "math-mcp, WebSocket sequential (tools/call add)", unit: "calls", key: "mcp.seq", vsFloor: "floor.seq", vsPeer: "peer.http" },
    { label: `floor, ${pipe}`, unit: "calls", key: "floor.pipe" },
    { label: `floor + durable write, ${pipe}`, unit: "calls", key: "write.pipe", vsFloor: "floor.pipe" },
    { label: `floor + validation, ${pipe}`, unit: "calls", key: "validate.pipe", vsFloor: "floor.pipe" },
    { label: `math-mcp, ${pipe}`, unit: "calls", key: "mcp.pipe", vsFloor: "floor.pipe" },
    { label: "peer (McpAgent), Streamable HTTP sequential", unit: "calls", key: "peer.http" },
    { label: "math-mcp, Streamable HTTP sequential", unit: "calls", key: "mcp.http", vsPeer: "peer.http" },
    { label: `floor, ${fan}`, unit: "deliveries", key: "floor.fan" },
    { label: `floor + durable write, ${fan}`, unit: "deliveries", key: "write.fan", vsFloor: "floor.fan" },
    { label: `math-mcp, ${fan}`, unit: "deliveries", key: "mcp.fan", vsFloor: "floor.fan" },
    { label: `floor + durable write, ${replay}`, unit: "events", key: "write.replay", latency: "p50" },
    { label: `math-mcp, ${replay}`, unit: "events", key: "mcp.replay", vsFloor: "write.replay", latency: "p50" },
  ];
  return [
    "| measure | unit | per second | p50 ms | p99 ms | vs floor | vs peer |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((row) => {
      const s = runs.median(row.key);
      const vsFloor = row.vsFloor ? pct(runs.ratio(row.key, row.vsFloor)) : "";
      const vsPeer = row.vsPeer ? times(runs.ratio(row.key, row.vsPeer)) : "";
      const p99 = row.latency === "p50" ? "" : fmt(s.p99, 2);
      return `| ${row.label} | ${row.unit} | ${fmt(s.perSecond)} | ${fmt(s.p50, 2)} | ${p99} | ${vsFloor} | ${vsPeer} |`;
    }),
  ].join("\n");
}

/**
 * Time per call over the floor's: pipelined, the difference of 1/rate (the room is the bottleneck);
 * sequential, the difference of the p50 latencies; fan-out, the difference of the time between calls.
 */
export function costs(runs: Runs, config: BenchConfig, validationMicros: number): string {
  const micros = (key: string) => runs.paired((r) => 1e6 / r(`${key}.pipe`).perSecond - 1e6 / r("floor.pipe").perSecond);
  const seqMs = (key: string) => runs.paired((r) => r(`${key}.seq`).p50 - r("floor.seq").p50);
  const perCall = (key: string) => (r: (key: string) => { perSecond: number }) => (1e3 * config.watchers) / r(key).perSecond;
  const fanMs = (key: string) => (runs.has(`${key}.fan`) ? runs.paired((r) => perCall(`${key}.fan`)(r) - perCall("floor.fan")(r)) : NaN);
  const row = (label: string, key: string) => `| ${label} | ${fmt(micros(key))} | ${fmt(seqMs(key), 2)} | ${fmt(fanMs(key), 2)} |`;
  return [
    `| cost per call over the floor | µs, pipelined | ms at p50, sequential | ms per call, fan-out to ${config.watchers} |`,
    "| --- | ---: | ---: | ---: |",
    row("durable write (one SQLite INSERT of the event row)", "write"),
    row("validation (zod: JSON-RPC request, tools/call params, tool input)", "validate"),
    `| validation alone, timed in-process in Node (the same checks), µs | ${fmt(validationMicros, 1)} | | |`,
    row("math-mcp, all of it", "mcp"),
  ].join("\n");
}

export type TargetCheck = { target: string; measured: string; met: boolean };

export function targets(runs: Runs, config: BenchConfig): TargetCheck[] {
  const check = (target: string, ratio: number, at: number, show: (ratio: number) => string) => ({ target, measured: show(ratio), met: ratio >= at });
  const replayMs = runs.median("mcp.replay").p50;
  return [
    check("WebSocket sequential ≥ 80% of the floor's calls/s", runs.ratio("mcp.seq", "floor.seq"), 0.8, pct),
    check("WebSocket pipelined ≥ 80% of the floor's calls/s", runs.ratio("mcp.pipe", "floor.pipe"), 0.8, pct),
    {
      ...check("WebSocket sequential ≥ 20× the peer's calls/s over HTTP", runs.ratio("mcp.seq", "peer.http"), 20, times),
      measured: `${times(runs.ratio("mcp.seq", "peer.http"))} (the floor: ${times(runs.ratio("floor.seq", "peer.http"))})`,
    },
    check(`fan-out ≥ 80% of the floor's deliveries/s (${config.watchers} sockets)`, runs.ratio("mcp.fan", "floor.fan"), 0.8, pct),
    check("Streamable HTTP ≥ the peer's calls/s", runs.ratio("mcp.http", "peer.http"), 1, times),
    {
      target: `replay of ${fmt(config.replayEvents)} events < 500 ms`,
      measured: `${fmt(replayMs)} ms (the floor: ${fmt(runs.median("write.replay").p50)} ms)`,
      met: replayMs < 500,
    },
  ];
}

export function targetTable(checks: TargetCheck[]): string {
  return ["| target | measured | met? |", "| --- | ---: | :---: |", ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? "yes" : "no"} |`)].join("\n");
}

export function benchmarksMd(parts: { figures: string; costs: string; targets: string; machine: string; runs: string; date: string }): string {
  return `# Benchmarks

Written by \`npm run bench\` on ${parts.date}. Every server runs under \`wrangler dev\` on this machine and is
measured in the same run, the targets of each comparison back to back in every round (in rotated order);
compare the ratios, not the absolute figures.

- **floor**: a bare partyserver room (bench/floor/) that answers the frame and sends the room an event frame
  like math-mcp's, with no MCP; **+ durable write** adds one SQLite INSERT of the event per call (and replays
  its log on \`?since=\`), **+ validation** the room's zod checks. **peer**: Cloudflare's \`McpAgent\`
  (bench/peer/) serving the same \`add\` tool. math-mcp runs with its per-connection rate limit raised out of
  the way (\`RATE_LIMIT_PER_SECOND\`, \`RATE_LIMIT_BURST\`): the bench measures what a room can do.
- *per second* is the median over rounds, p50/p99 the latencies of that median round (fan-out: from a call to
  its last delivery; replay: p50 is the time from asking to connect until the socket holds the whole log).
  *vs floor*, *vs peer* and the costs are computed within each round, then their median is taken.

${parts.figures}

${parts.costs}

${parts.targets}

- Machine: ${parts.machine}
- Runs: ${parts.runs}
`;
}
