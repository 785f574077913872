/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance) against a real `wrangler dev`:
 * the scenarios every server must pass on the math service's /mcp, and the whole 2025-11-25 server
 * suite on the conformance fixture room. An empty expected-failures list makes warnings fail too.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WranglerDev } from "../support/wrangler-dev.ts";

const CLI = resolve(import.meta.dirname, "../../node_modules/@modelcontextprotocol/conformance/dist/index.js");
type Check = { id: string; status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO"; errorMessage?: string };

let dev: WranglerDev;
let work: string;
let baseline: string;
beforeAll(async () => {
  dev = await WranglerDev.start({ vars: { CONFORMANCE_FIXTURE: "on" } });
  work = mkdtempSync(join(tmpdir(), "math-mcp-conformance-"));
  baseline = join(work, "no-expected-failures.yml");
  writeFileSync(baseline, "server: []\n");
});
afterAll(async () => {
  await dev?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs the suite CLI; answers its exit code, its output and every check it wrote. */
async function conformance(path: string, selection: string[], name: string) {
  const out = join(work, name);
  const args = [CLI, "server", "--url", `${dev.origin}${path}`, ...selection, "--expected-failures", baseline, "-o", out];
  const result = await promisify(execFile)(process.execPath, args, { timeout: 240_000 }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "" }),
  );
  const checks: Check[] = readdirSync(out).flatMap((dir) => JSON.parse(readFileSync(join(out, dir, "checks.json"), "utf8")) as Check[]);
  return { ...result, checks, scenarios: readdirSync(out).length };
}

const graded = (checks: Check[]) => checks.filter((c) => c.status !== "INFO");
const problems = (checks: Check[]) => checks.filter((c) => c.status === "FAILURE" || c.status === "WARNING");

describe("conformance", () => {
  it.each(["server-initialize", "ping", "logging-set-level", "tools-list", "server-sse-multiple-streams", "dns-rebinding-protection"])(
    "math service /mcp passes %s",
    async (scenario) => {
      const { code, checks, stdout } = await conformance("/mcp", ["--scenario", scenario], `math-${scenario}`);
      expect(problems(checks), stdout).toEqual([]);
      expect(graded(checks).length).toBeGreaterThan(0);
      expect(code).toBe(0);
    },
  );

  it("the fixture room passes the whole 2025-11-25 server suite, with no expected failures", async () => {
    const { code, checks, scenarios, stdout } = await conformance("/conformance/mcp", ["--suite", "all", "--spec-version", "2025-11-25"], "fixture");
    expect(problems(checks), stdout).toEqual([]);
    expect(scenarios).toBe(32);
    expect(code).toBe(0);
    console.log(`conformance fixture: ${scenarios} scenarios, ${graded(checks).length} graded checks, all SUCCESS`);
  });
});
