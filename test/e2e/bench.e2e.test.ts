/**
 * A tiny pass of `npm run bench`, so the script cannot rot. It asserts the tables, never a timing.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROWS = [
  "bare floor, WebSocket sequential, fresh room",
  "floor \\+ validation, WebSocket sequential, fresh room",
  "durable floor, WebSocket sequential, fresh room",
  "math-mcp, WebSocket sequential, fresh room",
  "durable floor, WebSocket sequential, long-lived room",
  "math-mcp, WebSocket sequential, long-lived room",
  "bare floor, WebSocket pipelined \\(64 in flight\\), fresh room",
  "durable floor, WebSocket pipelined \\(64 in flight\\), fresh room",
  "math-mcp, WebSocket pipelined \\(64 in flight\\), fresh room",
  "durable floor, WebSocket pipelined \\(64 in flight\\), long-lived room",
  "math-mcp, WebSocket pipelined \\(64 in flight\\), long-lived room",
  "HTTP floor: the Worker answers, sequential",
  "HTTP floor: the Worker and one Durable Object hop",
  "durable HTTP floor: the same room writes the call's event first",
  "peer \\(McpAgent\\), Streamable HTTP sequential",
  "math-mcp, Streamable HTTP sequential",
  "durable floor, fan-out to \\d+ sockets",
  "math-mcp, fan-out to \\d+ sockets",
  "durable floor, replay of [\\d,]+ events",
  "math-mcp, replay of [\\d,]+ events",
];

it("runs the benchmark script end to end and prints its tables", async () => {
  const root = resolve(import.meta.dirname, "../..");
  const { stdout } = await promisify(execFile)(process.execPath, ["bench/run.ts", "--quick"], { cwd: root, timeout: 120_000 });
  expect(stdout).toMatch(/\| measure \| unit \| per second \| p50 ms \| p99 ms \| CPU µs per call \| vs durable floor \| vs peer \|/);
  for (const row of ROWS) expect(stdout).toMatch(new RegExp(`\\| ${row}[^|]* \\| (calls|deliveries|events) \\| [\\d,]+ \\|`));
  // Every WebSocket, HTTP and fan-out row states the server's CPU time per call, read from /proc.
  for (const row of ROWS.filter((r) => !r.includes("replay"))) expect(stdout).toMatch(new RegExp(`\\| ${row}[^|]* \\|[^|]+\\|[^|]+\\|[^|]+\\|[^|]+\\| [\\d,]+ \\|`));
  expect(stdout).toMatch(/\| durable write [^|]* \| -?[\d,]+ \|/);
  expect(stdout).toMatch(/\| validation [^|]* \| -?[\d,]+ \|/);
  expect(stdout).toMatch(/\| target \| measured \| met\? \|/);
  expect(stdout.match(/^\| [^|]+ \| [^|]+ \| (yes|no) \|$/gm)).toHaveLength(12);
  // A target not met comes with a profile of the load it measures.
  if (/\| no \|$/m.test(stdout)) expect(stdout).toMatch(/## Profiles of the targets not met[\s\S]*\| where the isolate's time goes \(V8 CPU profile, self time\) \| ms \| share \|/);
  // Where the time of an HTTP call goes: the runtime's request path, one Durable Object hop, math-mcp's own work.
  expect(stdout).toMatch(/\| one Streamable HTTP call, sequential: where the time goes \|/);
  for (const part of ["the runtime's request path", "one Durable Object hop", "the event's durable write", "math-mcp's own work on top"]) expect(stdout).toMatch(new RegExp(`\\| ${part}[^|]* \\| -?[\\d.,]+ \\| -?[\\d,]+ \\| -?[\\d,]+% \\|`));
});
