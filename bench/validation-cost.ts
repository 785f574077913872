/**
 * @module The cost of validation measured in-process, where nothing else is timed with it: the floor's
 * validation (the room's zod checks) run on a tools/call frame, many times, on V8 (the engine workerd runs too).
 * `shared/` uses a TypeScript enum, which Node's type stripping cannot run, so this runs in a child Node
 * with `--experimental-transform-types`; `measureValidation()` starts it and reads its answer.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const ITERATIONS = 100_000;

/**
 * Microseconds per validated call, and per parse of a tools/call body (what the room pays again for a
 * body the Worker already parsed to route `/mcp`): the median of 5 batches, after a warm-up batch.
 */
export async function measureValidation(quick: boolean): Promise<{ validation: number; parse: number }> {
  const args = ["--experimental-transform-types", "--no-warnings", import.meta.filename, "--child", String(quick ? 2_000 : ITERATIONS)];
  const { stdout } = await promisify(execFile)(process.execPath, args, { timeout: 60_000 });
  const [validation, parse] = stdout.trim().split(" ").map(Number);
  return { validation: validation!, parse: parse! };
}

async function child(iterations: number): Promise<void> {
  const { validateCall } = await import("./floor/validation.ts");
  const frame = JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "add", arguments: { a: 2, b: 3 } } });
  const batch = () => {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) validateCall(JSON.parse(frame));
    return ((performance.now() - start) * 1000) / iterations;
  };
  const parseOnly = () => {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) JSON.parse(frame);
    return ((performance.now() - start) * 1000) / iterations;
  };
  batch();
  const runs = Array.from({ length: 5 }, () => batch() - parseOnly()).sort((a, b) => a - b);
  const parses = Array.from({ length: 5 }, parseOnly).sort((a, b) => a - b);
  process.stdout.write(`${runs[2]} ${parses[2]}\n`);
}

if (process.argv[2] === "--child") await child(Number(process.argv[3]));
