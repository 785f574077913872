/**
 * A tiny pass of `npm run bench`, so the script cannot rot. It asserts the tables, never a timing.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const ROWS = [
  "floor, WebSocket sequential",
  "floor \\+ durable write, WebSocket sequential",
  "floor \\+ validation, WebSocket sequential",
  "math-mcp, WebSocket sequential",
  "floor, WebSocket pipelined",
  "floor \\+ durable write, WebSocket pipelined",
  "floor \\+ validation, WebSocket pipelined",
  "math-mcp, WebSocket pipelined",
  "peer \\(McpAgent\\), Streamable HTTP sequential",
  "math-mcp, Streamable HTTP sequential",
  "floor, fan-out to \\d+ sockets",
  "floor \\+ durable write, fan-out to \\d+ sockets",
  "math-mcp, fan-out to \\d+ sockets",
  "floor \\+ durable write, replay of [\\d,]+ events",
  "math-mcp, replay of [\\d,]+ events",
];

it("runs the benchmark script end to end and prints its tables", async () => {
  const root = resolve(import.meta.dirname, "../..");
  const { stdout } = await promisify(execFile)(process.execPath, ["bench/run.ts", "--quick"], { cwd: root, timeout: 120_000 });
  expect(stdout).toMatch(/\| measure \| unit \| per second \| p50 ms \| p99 ms \| vs floor \| vs peer \|/);
  for (const row of ROWS) expect(stdout).toMatch(new RegExp(`\\| ${row}[^|]* \\| (calls|deliveries|events) \\| [\\d,]+ \\|`));
  expect(stdout).toMatch(/\| durable write [^|]* \| -?[\d,]+ \|/);
  expect(stdout).toMatch(/\| validation [^|]* \| -?[\d,]+ \|/);
  expect(stdout).toMatch(/\| target \| measured \| met\? \|/);
  expect(stdout.match(/^\| [^|]+ \| [^|]+ \| (yes|no) \|$/gm)).toHaveLength(6);
});
