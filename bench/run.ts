/**
 * @module `npm run bench`: starts math-mcp, the floor and the peer under `wrangler dev`, measures them
 * side by side in one run, prints the tables and writes them to BENCHMARKS.md (not with `--quick`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { resolve } from "node:path";
import { WranglerDev } from "../test/support/wrangler-dev.ts";
import { config, mathMcpVars } from "./config.ts";
import { fillRooms, measures } from "./measures.ts";
import type { Servers } from "./measures.ts";
import { benchmarksMd, costs, figures, httpProfile, targets, targetTable } from "./report.ts";
import { inRounds } from "./rounds.ts";
import { measureValidation } from "./validation-cost.ts";
import { profileUnmet } from "./profile-targets.ts";

const ROOT = resolve(import.meta.dirname, "..");
const version = (pkg: string) => (JSON.parse(readFileSync(resolve(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;

/** Starts every server, or none: whichever started is stopped again if another fails. */
async function startServers(): Promise<Servers> {
  const starting = [WranglerDev.start({ vars: mathMcpVars(config), minify: false }), WranglerDev.start({ config: "bench/floor/wrangler.toml" }), WranglerDev.start({ config: "bench/peer/wrangler.toml" })];
  const started = await Promise.allSettled(starting);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.dispose() : undefined)));
    throw failed.reason;
  }
  const [mathMcp, floor, peer] = started.map((s) => (s as PromiseFulfilledResult<WranglerDev>).value) as [WranglerDev, WranglerDev, WranglerDev];
  return { mathMcp, floor, peer };
}

const load = () => loadavg()[0]!.toFixed(1);

async function main(): Promise<void> {
  const began = performance.now();
  const loadBefore = load();
  const servers = await startServers();
  const progress = (line: string) => process.stderr.write(`${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);
  progress("servers ready");
  try {
    const filled = await fillRooms(servers, config);
    progress(`replay rooms hold ${config.replayEvents} events, long-lived rooms ${config.longLivedEvents}`);
    const results = await inRounds(measures(servers, config, filled), config, progress);
    const inProcess = await measureValidation(config.quick);

    const machine =
      `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}; ` +
      `load average ${loadBefore} before the run and ${load()} after (other work on the machine skews figures, less so ratios); ` +
      `Node ${process.version}, wrangler ${version("wrangler")}, partyserver ${version("partyserver")}, agents ${version("agents")}`;
    const runs =
      `${results.rounds} round${results.rounds === 1 ? "" : "s"}; per round and target ${config.sequentialCalls} sequential and ${config.pipelinedCalls} pipelined WebSocket calls, ` +
      `${config.httpCalls} HTTP calls, ${config.fanOutCalls} calls to ${config.watchers} watchers, one replay join; ` +
      `long-lived rooms filled with ${config.longLivedEvents} events first; ` +
      `${((performance.now() - began) / 1000).toFixed(0)} s in all`;
    const reloaded = Object.entries(servers).filter(([, dev]) => dev.output.includes("Reloading local server"));
    // wrangler dev rebuilds when a file it bundles (or a folder it resolved through) changes; a reload mid-run skews it.
    for (const [name] of reloaded) progress(`warning: ${name} reloaded during the run (a watched file changed); its figures may be off`);
    const checks = targets(results, config);
    progress("profiling the loads of the targets not met");
    const profiles = await profileUnmet(checks, servers, config, filled);
    const parts = { figures: figures(results, config), costs: costs(results, inProcess), targets: targetTable(checks), profile: [httpProfile(results), profiles].filter(Boolean).join("\n\n") };
    console.log(`\n${parts.figures}\n\n${parts.costs}\n\n${parts.targets}\n\n${parts.profile}\n\nMachine: ${machine}\nRuns: ${runs}\n`);
    if (!config.quick) {
      writeFileSync(resolve(ROOT, "BENCHMARKS.md"), benchmarksMd({ ...parts, machine, runs, date: new Date().toISOString().slice(0, 10) }));
    }
  } catch (error) {
    // What the servers said is the first thing to read when a run fails.
    for (const [name, dev] of Object.entries(servers)) process.stderr.write(`\n--- ${name}, last output:\n${dev.output.slice(-2000)}\n`);
    throw error;
  } finally {
    await Promise.all([servers.mathMcp.dispose(), servers.floor.dispose(), servers.peer.dispose()]);
  }
}

await main();
