/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance, pinned) against a real
 * `wrangler dev`, in both eras: every requirement of 2026-07-28 (the tasks extension's scenarios
 * included) and of 2025-11-25 on the conformance fixture room, and every scenario that applies to the
 * math service on its /mcp. An empty expected-failures list makes warnings fail too.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WranglerDev } from "../support/wrangler-dev.ts";

const CLI = resolve(import.meta.dirname, "../../node_modules/@modelcontextprotocol/conformance/dist/index.js");
type Status = "SUCCESS" | "FAILURE" | "WARNING" | "INFO" | "SKIPPED";
type Check = { id: string; status: Status; errorMessage?: string; scenario: string };

let dev: WranglerDev;
let work: string;
let baseline: string;
beforeAll(async () => {
  // The suite checks answers and sends them fast; the rate limit is not what it is about.
  // The fixture room exists only in a test configuration: the service as it ships, plus /conformance/mcp.
  dev = await WranglerDev.start({ config: "test/conformance.wrangler.toml", vars: { RATE_LIMIT_PER_SECOND: "2000", RATE_LIMIT_BURST: "2000" } });
  work = mkdtempSync(join(tmpdir(), "math-mcp-conformance-"));
  baseline = join(work, "no-expected-failures.yml");
  writeFileSync(baseline, "server: []\n");
});
afterAll(async () => {
  await dev?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs one revision's requirements; answers the exit code, the output, and every check by scenario. */
async function requirements(path: string, revision: "2026-07-28" | "2025-11-25", name: string) {
  const out = join(work, name);
  const args = [CLI, "server", "--url", `${dev.origin}${path}`, "--requirements", revision, "--expected-failures", baseline, "-o", out];
  const result = await promisify(execFile)(process.execPath, args, { timeout: 240_000 }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "" }),
  );
  const scenarios = readdirSync(out).map((dir) => ({ dir, scenario: /^server-(.+)-\d{4}-\d\d-\d\dT/.exec(dir)![1]! }));
  const checks: Check[] = scenarios.flatMap(({ dir, scenario }) =>
    (JSON.parse(readFileSync(join(out, dir, "checks.json"), "utf8")) as Check[]).map((check) => ({ ...check, scenario })),
  );
  const total = result.stdout.match(/Total: (\d+) passed, (\d+) failed/);
  return { ...result, checks, scenarios: new Set(scenarios.map((s) => s.scenario)), total: total ? `${total[1]} passed, ${total[2]} failed` : "no total" };
}

const problems = (checks: Check[]) => checks.filter((c) => c.status === "FAILURE" || c.status === "WARNING").map((c) => `${c.scenario} ${c.id}: ${c.errorMessage}`);
const passed = (checks: Check[]) => checks.filter((c) => c.status === "SUCCESS").length;

const TASKS_SCENARIOS = [
  "tasks-lifecycle",
  "tasks-capability-negotiation",
  "tasks-wire-fields",
  "tasks-request-state-removal",
  "tasks-mrtr-input",
  "tasks-request-headers",
  "tasks-dispatch-and-envelope",
  "tasks-status-notifications",
  "tasks-required-task-error",
  "tasks-mrtr-composition",
];

/** Scenarios that name no fixture tool, prompt or resource: they apply to the math service as they are. */
const MATH_SCENARIOS = {
  "2026-07-28": [
    "server-stateless",
    "tools-list",
    "server-sse-multiple-streams",
    "resources-list",
    "sep-2164-resource-not-found",
    "prompts-list",
    "dns-rebinding-protection",
    "caching",
    "http-header-validation",
    "input-required-result-unsupported-methods",
  ],
  "2025-11-25": [
    "server-initialize",
    "server-session-lifecycle",
    "ping",
    "logging-set-level",
    "tools-list",
    "server-sse-multiple-streams",
    "resources-list",
    "prompts-list",
    "dns-rebinding-protection",
  ],
} as const;

/** server-stateless checks that call the suite's diagnostic tools, which only the fixture has. */
const FIXTURE_ONLY_CHECKS = [
  "sep-2575-server-rejects-undeclared-capability",
  "sep-2575-missing-capability-http-400",
  "sep-2575-http-server-no-independent-requests-on-stream",
  "sep-2575-server-no-log-without-loglevel",
];

describe("conformance", () => {
  it("the fixture room passes every 2026-07-28 requirement, and every tasks extension scenario, with no expected failures", async () => {
    const run = await requirements("/conformance/mcp", "2026-07-28", "fixture-2026");
    expect(problems(run.checks), run.stdout).toEqual([]);
    expect(run.scenarios.size).toBe(50);
    for (const scenario of TASKS_SCENARIOS) expect(run.scenarios.has(scenario), scenario).toBe(true);
    expect(run.code).toBe(0);
    console.log(`conformance 2026-07-28, fixture: ${run.total} (${run.scenarios.size} scenarios)`);
  });

  it("the fixture room passes every 2025-11-25 requirement, with no expected failures", async () => {
    const run = await requirements("/conformance/mcp", "2025-11-25", "fixture-2025");
    expect(problems(run.checks), run.stdout).toEqual([]);
    expect(run.scenarios.size).toBe(33);
    expect(run.code).toBe(0);
    console.log(`conformance 2025-11-25, fixture: ${run.total} (${run.scenarios.size} scenarios)`);
  });

  it.each(["2026-07-28", "2025-11-25"] as const)("the math service's /mcp passes every scenario of %s that applies to it", async (revision) => {
    const run = await requirements("/mcp", revision, `math-${revision}`);
    const applicable = run.checks.filter((c) => (MATH_SCENARIOS[revision] as readonly string[]).includes(c.scenario));
    for (const scenario of MATH_SCENARIOS[revision]) expect(run.scenarios.has(scenario), scenario).toBe(true);
    const unexpected = problems(applicable.filter((c) => !(c.scenario === "server-stateless" && FIXTURE_ONLY_CHECKS.includes(c.id) && /^Not testable/.test(c.errorMessage ?? ""))));
    expect(unexpected, run.stdout).toEqual([]);
    expect(passed(applicable)).toBeGreaterThanOrEqual(revision === "2026-07-28" ? 60 : 20);
    console.log(`conformance ${revision}, math service /mcp: ${passed(applicable)} checks passed in ${MATH_SCENARIOS[revision].length} applicable scenarios (whole run: ${run.total})`);
  });
});
