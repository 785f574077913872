/**
 * A tiny pass of `npm run bench`, so the script cannot rot. It asserts the table, never a timing.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

it("runs the benchmark script end to end and prints its table", async () => {
  const root = resolve(import.meta.dirname, "../..");
  const { stdout } = await promisify(execFile)(process.execPath, ["bench/run.ts", "--quick"], { cwd: root, timeout: 120_000 });
  expect(stdout).toMatch(/\| measure \| calls\/s \| p50 ms \| p99 ms \| vs floor \|/);
  for (const row of ["floor, WebSocket sequential", "math-mcp, WebSocket sequential", "math-mcp, WebSocket pipelined"]) {
    expect(stdout).toMatch(new RegExp(`\\| ${row}[^|]* \\| [\\d,]+ \\|`));
  }
});
