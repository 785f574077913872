/**
 * What `wrangler deploy` ships, read from its dry run (nothing is uploaded): the service's Worker with
 * its Room, and no test fixture — the conformance suite's room and route live in a test configuration,
 * whose own dry run has them.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const out = mkdtempSync(join(tmpdir(), "math-mcp-deploy-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function dryRun(config: string, dir: string): Promise<{ bundle: string; stdout: string }> {
  const env = { ...process.env, PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true" };
  const { stdout } = await promisify(execFile)(process.execPath, [WRANGLER, "deploy", "--dry-run", "--config", config, "--outdir", join(out, dir)], { cwd: ROOT, env, timeout: 180_000 });
  const bundle = readFileSync(join(out, dir, readdirJs(join(out, dir))), "utf8");
  return { bundle, stdout };
}

const readdirJs = (dir: string) => readdirSync(dir).find((name) => name.endsWith(".js"))!;

describe("the deployed Worker", () => {
  it("has the Room and no conformance fixture: neither its Durable Object, its route nor its tools", async () => {
    const { bundle, stdout } = await dryRun("wrangler.toml", "service");
    expect(stdout).toMatch(/env\.Room \(Room\)\s+Durable Object/);
    expect(stdout).not.toMatch(/ConformanceRoom/);
    for (const fixture of ["ConformanceRoom", "/conformance/mcp", "test_elicitation", "math-mcp-conformance"]) expect(bundle, fixture).not.toContain(fixture);
    expect(bundle).toContain("notifications/room/event");
    // Cloudflare takes a Worker of at most 3 MB gzipped on the free plan (the algebra engine is most of it).
    const [, raw, gzip] = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout) ?? [];
    console.log(`the Worker as deployed: ${raw} KiB, ${gzip} KiB gzipped`);
    expect(Number(gzip)).toBeGreaterThan(100);
    expect(Number(gzip)).toBeLessThan(3 * 1024);
  });

  it("the test configuration for the conformance suite has the fixture room and its route", async () => {
    const { bundle, stdout } = await dryRun("test/conformance.wrangler.toml", "conformance");
    expect(stdout).toMatch(/env\.ConformanceRoom \(ConformanceRoom\)\s+Durable Object/);
    expect(bundle).toContain("/conformance/mcp");
    expect(bundle).toContain("test_elicitation");
  });
});
