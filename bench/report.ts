/**
 * @module The report: the table of figures and ratios (fresh and long-lived rooms, CPU per call), the
 * per-call costs, and the targets with whether each is met; BENCHMARKS.md holds them all with
 * the machine they ran on. Rates are medians over rounds; every ratio and cost is computed within each
 * round, then its median taken.
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
  const long = `long-lived room (${fmt(config.longLivedEvents)}+ events)`;
  const fan = `fan-out to ${config.watchers} sockets`;
  const replay = `replay of ${fmt(config.replayEvents)} events on joining with ?since=0`;
  const ws = (mode: "seq" | "pipe", label: string, floorKey: string, mcpKey: string, more: Row[] = []): Row[] => [
    ...more,
    { label: `durable floor, ${label}`, unit: "calls", key: `${floorKey}.${mode}` },
    { label: `math-mcp, ${label}`, unit: "calls", key: `${mcpKey}.${mode}`, vsFloor: `${floorKey}.${mode}` },
  ];
  const rows: Row[] = [
    ...ws("seq", "WebSocket sequential, fresh room", "write", "mcp", [
      { label: "bare floor, WebSocket sequential, fresh room", unit: "calls", key: "floor.seq", vsFloor: "write.seq", vsPeer: "peer.http" },
      { label: "floor + validation, WebSocket sequential, fresh room", unit: "calls", key: "validate.seq", vsFloor: "write.seq" },
    ]),
    ...ws("seq", `WebSocket sequential, ${long}`, "writeLong", "mcpLong"),
    ...ws("pipe", `${pipe}, fresh room`, "write", "mcp", [
      { label: `bare floor, ${pipe}, fresh room`, unit: "calls", key: "floor.pipe", vsFloor: "write.pipe" },
      { label: `floor + validation, ${pipe}, fresh room`, unit: "calls", key: "validate.pipe", vsFloor: "write.pipe" },
    ]),
    ...ws("pipe", `${pipe}, ${long}`, "writeLong", "mcpLong"),
    { label: "HTTP floor: the Worker answers, sequential", unit: "calls", key: "httpWorker.http", vsPeer: "peer.http" },
    { label: "HTTP floor: the Worker and one Durable Object hop (a bare room answers), sequential", unit: "calls", key: "httpRoom.http", vsPeer: "peer.http" },
    { label: "durable HTTP floor: the same room writes the call's event first, sequential", unit: "calls", key: "httpWrite.http", vsPeer: "peer.http" },
    { label: "peer (McpAgent), Streamable HTTP sequential", unit: "calls", key: "peer.http" },
    { label: "math-mcp, Streamable HTTP sequential", unit: "calls", key: "mcp.http", vsFloor: "httpWrite.http", vsPeer: "peer.http" },
    { label: `bare floor, ${fan}`, unit: "deliveries", key: "floor.fan", vsFloor: "write.fan" },
    { label: `durable floor, ${fan}`, unit: "deliveries", key: "write.fan" },
    { label: `math-mcp, ${fan}`, unit: "deliveries", key: "mcp.fan", vsFloor: "write.fan" },
    { label: `durable floor, ${replay}`, unit: "events", key: "write.replay", latency: "p50" },
    { label: `math-mcp, ${replay}`, unit: "events", key: "mcp.replay", vsFloor: "write.replay", latency: "p50" },
  ];
  return [
    "| measure | unit | per second | p50 ms | p99 ms | CPU µs per call | vs durable floor | vs peer |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((row) => {
      const s = runs.median(row.key);
      const vsFloor = row.vsFloor ? pct(runs.ratio(row.key, row.vsFloor)) : "";
      const vsPeer = row.vsPeer ? times(runs.ratio(row.key, row.vsPeer)) : "";
      const p99 = row.latency === "p50" ? "" : fmt(s.p99, 2);
      const cpu = s.cpuUs === undefined ? "" : fmt(runs.paired((r) => r(row.key).cpuUs ?? NaN));
      return `| ${row.label} | ${row.unit} | ${fmt(s.perSecond)} | ${fmt(s.p50, 2)} | ${p99} | ${cpu} | ${vsFloor} | ${vsPeer} |`;
    }),
  ].join("\n");
}

/**
 * Time per call over a base: pipelined, the difference of 1/rate (the room is the bottleneck);
 * sequential, the difference of the p50 latencies; CPU, the difference of CPU time per pipelined call.
 */
export function costs(runs: Runs, inProcess: { validation: number; parse: number }): string {
  const micros = (key: string, base: string) => runs.paired((r) => 1e6 / r(`${key}.pipe`).perSecond - 1e6 / r(`${base}.pipe`).perSecond);
  const seqMs = (key: string, base: string) => runs.paired((r) => r(`${key}.seq`).p50 - r(`${base}.seq`).p50);
  const cpu = (key: string, base: string) => runs.paired((r) => (r(`${key}.pipe`).cpuUs ?? NaN) - (r(`${base}.pipe`).cpuUs ?? NaN));
  const row = (label: string, key: string, base: string) => `| ${label} | ${fmt(micros(key, base))} | ${fmt(seqMs(key, base), 2)} | ${fmt(cpu(key, base))} |`;
  return [
    "| cost per call | µs, pipelined | ms at p50, sequential | CPU µs, pipelined |",
    "| --- | ---: | ---: | ---: |",
    row("durable write over the bare floor (one SQLite INSERT of the event row and its commit)", "write", "floor"),
    row("validation over the bare floor (zod: JSON-RPC request, tools/call params, tool input)", "validate", "floor"),
    `| validation alone, timed in-process in Node (the same checks), µs | ${fmt(inProcess.validation, 1)} | | |`,
    `| parsing a tools/call body once more (the room, after the Worker parsed it to route /mcp), timed in-process in Node, µs | ${fmt(inProcess.parse, 1)} | | |`,
    row("math-mcp over the durable floor, fresh room", "mcp", "write"),
    row("math-mcp over the durable floor, long-lived room", "mcpLong", "writeLong"),
  ].join("\n");
}

/**
 * Where the time of one Streamable HTTP call goes, sequentially (ms per call, 1/rate; CPU µs per call):
 * the runtime's request path (a Worker that answers at once), one Durable Object hop (a bare room that
 * answers), and what math-mcp adds on top — beside the peer's whole call.
 */
export function httpProfile(runs: Runs): string {
  const ms = (key: string) => (r: (key: string) => { perSecond: number }) => 1e3 / r(key).perSecond;
  const cpu = (key: string) => (r: (key: string) => { cpuUs?: number }) => r(key).cpuUs ?? NaN;
  const part = (label: string, key: string, base?: string) => {
    const time = runs.paired((r) => ms(`${key}.http`)(r) - (base ? ms(`${base}.http`)(r) : 0));
    const used = runs.paired((r) => cpu(`${key}.http`)(r) - (base ? cpu(`${base}.http`)(r) : 0));
    const share = runs.paired((r) => (ms(`${key}.http`)(r) - (base ? ms(`${base}.http`)(r) : 0)) / ms("mcp.http")(r));
    return `| ${label} | ${fmt(time, 2)} | ${fmt(used)} | ${pct(share)} |`;
  };
  return [
    "| one Streamable HTTP call, sequential: where the time goes | ms per call | CPU µs per call | of math-mcp's call |",
    "| --- | ---: | ---: | ---: |",
    part("the runtime's request path under wrangler dev (a Worker that answers at once)", "httpWorker"),
    part("one Durable Object hop (a bare partyserver room answers)", "httpRoom", "httpWorker"),
    part("the event's durable write: one SQLite INSERT, and the commit the answer waits for", "httpWrite", "httpRoom"),
    part("math-mcp's own work on top (admission, session, engine, tool, serialization)", "mcp", "httpWrite"),
    part("math-mcp, the whole call", "mcp"),
    part("the peer (McpAgent), the whole call", "peer"),
  ].join("\n");
}

/** What load shows where a target's time goes, when it is not met. */
export type ProfileLoad = "seq" | "pipe" | "http" | "fan";
export type TargetCheck = { target: string; measured: string; met: boolean; load?: ProfileLoad };

export function targets(runs: Runs, config: BenchConfig): TargetCheck[] {
  const atLeast = (target: string, ratio: number, at: number, show: (ratio: number) => string) => ({ target, measured: show(ratio), met: ratio >= at });
  const cpuRatio = (a: string, b: string) => runs.paired((r) => (r(a).cpuUs ?? NaN) / (r(b).cpuUs ?? NaN));
  const cpuAtMost = (target: string, a: string, b: string) => {
    const ratio = cpuRatio(a, b);
    return { target, measured: `${times(ratio)} (${fmt(runs.median(a).cpuUs ?? NaN)} µs vs ${fmt(runs.median(b).cpuUs ?? NaN)} µs)`, met: ratio <= 1.5 };
  };
  const replayMs = runs.median("mcp.replay").p50;
  return [
    { ...atLeast("WebSocket sequential ≥ 90% of the durable floor's calls/s, fresh room", runs.ratio("mcp.seq", "write.seq"), 0.9, pct), load: "seq" },
    { ...atLeast("WebSocket sequential ≥ 90% of the durable floor's calls/s, long-lived room", runs.ratio("mcpLong.seq", "writeLong.seq"), 0.9, pct), load: "seq" },
    { ...atLeast("WebSocket pipelined ≥ 100% of the durable floor's calls/s, fresh room", runs.ratio("mcp.pipe", "write.pipe"), 1, pct), load: "pipe" },
    { ...atLeast("WebSocket pipelined ≥ 100% of the durable floor's calls/s, long-lived room", runs.ratio("mcpLong.pipe", "writeLong.pipe"), 1, pct), load: "pipe" },
    { ...atLeast(`fan-out ≥ 90% of the durable floor's deliveries/s (${config.watchers} sockets)`, runs.ratio("mcp.fan", "write.fan"), 0.9, pct), load: "fan" },
    {
      ...atLeast("Streamable HTTP ≥ 1.5× the peer's (McpAgent) calls/s", runs.ratio("mcp.http", "peer.http"), 1.5, times),
      measured: `${times(runs.ratio("mcp.http", "peer.http"))} (the durable HTTP floor: ${times(runs.ratio("httpWrite.http", "peer.http"))}; without the write: ${times(runs.ratio("httpRoom.http", "peer.http"))})`,
      load: "http",
    },
    { ...cpuAtMost("CPU per call ≤ 1.5× the durable floor's, WebSocket sequential, fresh room", "mcp.seq", "write.seq"), load: "seq" },
    { ...cpuAtMost("CPU per call ≤ 1.5× the durable floor's, WebSocket sequential, long-lived room", "mcpLong.seq", "writeLong.seq"), load: "seq" },
    { ...cpuAtMost("CPU per call ≤ 1.5× the durable floor's, WebSocket pipelined, fresh room", "mcp.pipe", "write.pipe"), load: "pipe" },
    { ...cpuAtMost("CPU per call ≤ 1.5× the durable floor's, WebSocket pipelined, long-lived room", "mcpLong.pipe", "writeLong.pipe"), load: "pipe" },
    { ...cpuAtMost(`CPU per call ≤ 1.5× the durable floor's, fan-out to ${config.watchers} sockets`, "mcp.fan", "write.fan"), load: "fan" },
    {
      target: `replay of ${fmt(config.replayEvents)} events < 500 ms`,
      measured: `${fmt(replayMs)} ms (the durable floor: ${fmt(runs.median("write.replay").p50)} ms)`,
      met: replayMs < 500,
    },
  ];
}

export function targetTable(checks: TargetCheck[]): string {
  return ["| target | measured | met? |", "| --- | ---: | :---: |", ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? "yes" : "no"} |`)].join("\n");
}

export function benchmarksMd(parts: { figures: string; costs: string; targets: string; profile: string; machine: string; runs: string; date: string }): string {
  return `# Benchmarks

Written by \`npm run bench\` on ${parts.date}. Every server runs under \`wrangler dev\` on this machine and is
measured in the same run, the targets of each comparison back to back in every round (in rotated order);
compare the ratios, not the absolute figures.

- **bare floor**: a partyserver room (bench/floor/) that answers the frame and sends the room an event frame
  like math-mcp's, with no MCP; **durable floor** adds one SQLite INSERT of the event per call (and replays its
  log on \`?since=\`): the promise math-mcp makes, and what it is measured against; **+ validation** the room's
  zod checks. **peer**: Cloudflare's \`McpAgent\` (bench/peer/) serving the same \`add\` tool. math-mcp runs with
  its per-connection rate limit raised out of the way (\`RATE_LIMIT_PER_SECOND\`, \`RATE_LIMIT_BURST\`), and
  unminified (\`--no-minify\`), so that the profiles below name its functions.
- **fresh room**: a new room for each measure; **long-lived room**: one room per target, filled before the
  rounds past math-mcp's retention limit (\`LOG_RETENTION\`, ${"10,000"} in a full run), so its log trims as
  it goes, and measured again every round.
- *per second* is the median over rounds, p50/p99 the latencies of that median round (fan-out: from a call to
  its last delivery; replay: p50 is the time from asking to connect until the socket holds the whole log).
  *CPU µs per call* is the CPU time of the server's workerd process (every thread, from /proc) over the
  measured calls, per call (fan-out: per call, with its deliveries). Ratios and costs are computed within
  each round, then their median is taken.

${parts.figures}

${parts.costs}

${parts.targets}

${parts.profile}

- Machine: ${parts.machine}
- Runs: ${parts.runs}
`;
}
