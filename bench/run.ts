/**
 * @module `npm run bench`: starts math-mcp and the floor under `wrangler dev`, measures them side by
 * side in one run, prints a Markdown table and writes it to BENCHMARKS.md.
 *
 * `--quick` runs a tiny pass (as `npm test` does, so this script cannot rot) and writes nothing.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem, platform, release } from "node:os";
import { resolve } from "node:path";
import { WranglerDev } from "../test/support/wrangler-dev.ts";
import { pipelined, RpcSocket, sequential } from "./ws-load.ts";
import type { Stats } from "./ws-load.ts";

const quick = process.argv.includes("--quick");
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const ROUNDS = Number(option("rounds") ?? (quick ? 1 : 3));
const SEQUENTIAL_CALLS = quick ? 50 : 3000;
const PIPELINED_CALLS = quick ? 200 : 10000;
const IN_FLIGHT = 64;
const ROOT = resolve(import.meta.dirname, "..");

const CALL = { name: "add", arguments: { a: 2, b: 3 } };
const INIT = { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bench", version: "1" } };

type Target = { label: string; dev: WranglerDev; mcp: boolean };

async function socketFor(target: Target, room: string): Promise<RpcSocket> {
  const socket = await RpcSocket.open(target.dev.wsUrl(`/rooms/${room}/mcp`));
  if (target.mcp) await socket.call("initialize", INIT);
  await sequential(socket, quick ? 10 : 300, "tools/call", CALL); // warm-up: JIT, SQLite pages, socket buffers
  return socket;
}

const median = (runs: Stats[]): Stats => [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;

async function measure(targets: Target[]) {
  const results = new Map<string, { seq: Stats[]; pipe: Stats[] }>(targets.map((t) => [t.label, { seq: [], pipe: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the targets inside each round so that drift in the machine's load hits both alike.
    for (const target of targets) {
      const socket = await socketFor(target, `bench-seq-${round}-${Date.now()}`);
      results.get(target.label)!.seq.push(await sequential(socket, SEQUENTIAL_CALLS, "tools/call", CALL));
      socket.close();
    }
    for (const target of targets) {
      const socket = await socketFor(target, `bench-pipe-${round}-${Date.now()}`);
      results.get(target.label)!.pipe.push(await pipelined(socket, PIPELINED_CALLS, IN_FLIGHT, "tools/call", CALL));
      socket.close();
    }
  }
  return new Map([...results].map(([label, r]) => [label, { seq: median(r.seq), pipe: median(r.pipe) }]));
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (a: number, b: number) => `${fmt((100 * a) / b)}%`;

async function main(): Promise<void> {
  const mathMcp = await WranglerDev.start();
  const floor = await WranglerDev.start({ config: "bench/floor/wrangler.toml" });
  try {
    const targets: Target[] = [
      { label: "floor (bare partyserver)", dev: floor, mcp: false },
      { label: "math-mcp", dev: mathMcp, mcp: true },
    ];
    const results = await measure(targets);
    const f = results.get(targets[0]!.label)!;
    const m = results.get(targets[1]!.label)!;
    const row = (what: string, s: Stats, ratio = "") =>
      `| ${what} | ${fmt(s.perSecond)} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${ratio} |`;
    const table = [
      "| measure | calls/s | p50 ms | p99 ms | vs floor |",
      "| --- | ---: | ---: | ---: | ---: |",
      row("floor, WebSocket sequential", f.seq),
      row("math-mcp, WebSocket sequential (tools/call add)", m.seq, pct(m.seq.perSecond, f.seq.perSecond)),
      row(`floor, WebSocket pipelined (${IN_FLIGHT} in flight)`, f.pipe),
      row(`math-mcp, WebSocket pipelined (${IN_FLIGHT} in flight)`, m.pipe, pct(m.pipe.perSecond, f.pipe.perSecond)),
    ].join("\n");
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`;
    const runs = `${ROUNDS} rounds (median shown); ${SEQUENTIAL_CALLS} sequential and ${PIPELINED_CALLS} pipelined calls per round`;
    console.log(`\n${table}\n\nMachine: ${machine}\nRuns: ${runs}\n`);
    if (!quick) {
      writeFileSync(
        resolve(ROOT, "BENCHMARKS.md"),
        `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Both servers run under ` +
          `\`wrangler dev\` on this machine and are measured in the same run; compare the ratios, not the absolute figures.\n\n` +
          `${table}\n\n- Machine: ${machine}\n- Runs: ${runs}\n`,
      );
    }
  } finally {
    await Promise.all([mathMcp.dispose(), floor.dispose()]);
  }
}

await main();
