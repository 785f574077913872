/**
 * Every code block of the README, run as a newcomer would run it, against a real `wrangler dev`: the
 * TypeScript and JavaScript examples with the project's Node, the Python one with python3, the Claude
 * Desktop config's command over stdio, the embed snippet in Chromium, the room event sample against
 * its schema, and the quick start's commands (`.ci/run` runs exactly its install and test lines; `npm
 * run dev -- --port N` serves). Only the host and port change: the examples name 127.0.0.1:8787.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoomEventSchema } from "../../shared/events.ts";
import { launchChromium } from "../browser/chromium.ts";
import { freePort, WranglerDev } from "../support/wrangler-dev.ts";
import { codeBlocks, expectedOutputs } from "./readme-blocks.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const WORK = join(ROOT, "test-artifacts/readme");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = codeBlocks(README);
const PATH = `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`;

let dev: WranglerDev;
beforeAll(async () => {
  dev = await WranglerDev.start();
  mkdirSync(WORK, { recursive: true });
});
afterAll(async () => {
  await dev?.dispose();
});

/** The block as it would run here: the README's host and port replaced by the test server's. */
const here = (code: string) => code.replaceAll("http://127.0.0.1:8787", dev.origin).replaceAll("ws://127.0.0.1:8787", dev.wsUrl("/").origin);

/** Runs a program to its end; answers its exit code and what it printed. */
function run(command: string, args: string[], timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, PATH }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => (clearTimeout(timer), done({ code, stdout, stderr })));
  });
}

/** Runs a block saved as a file inside the project (so that its imports resolve as they would for a reader). */
async function runFile(name: string, code: string, command: string) {
  const file = join(WORK, name);
  writeFileSync(file, here(code));
  const result = await run(command, [file]);
  expect(result.code, `${name} failed:\n${result.stderr}\n${result.stdout}`).toBe(0);
  // Compared with runs of white space as one space: Node breaks long objects over lines.
  const flat = (text: string) => text.replace(/\s+/g, " ");
  for (const expected of expectedOutputs(code)) expect(flat(result.stdout), `${name} should print ${expected}`).toContain(flat(expected));
  return result.stdout;
}

describe("the README's code blocks", () => {
  it("are all covered here: each language's blocks are the ones this test runs", () => {
    const languages = blocks.map((b) => b.language).sort();
    expect(languages).toEqual(["", "html", "js", "json", "json", "python", "sh", "ts", "ts"]);
  });

  it("TypeScript: the SDK v2 over Streamable HTTP, and math-mcp/client over the WebSocket, with the project's Node", async () => {
    const [http, socket] = blocks.filter((b) => b.language === "ts");
    const printed = await runFile("sdk-v2-http.ts", http!.code, process.execPath);
    expect(printed).toMatch(/#\d+ my-agent: divide/);
    await runFile("room-transport.ts", socket!.code, process.execPath);
  });

  it("JavaScript: the seed API over HTTP and its WebSocket", async () => {
    const printed = await runFile("seed-api.mjs", blocks.find((b) => b.language === "js")!.code, process.execPath);
    expect(printed).toContain("result: 8");
    expect(printed).toContain("type: 'mcp_response'");
  });

  it("Python: the SDK 2.x follows the room", async () => {
    await runFile("follow.py", blocks.find((b) => b.language === "python")!.code, "python3");
  });

  it("the Claude Desktop config: its command is an MCP server over stdio that lists the room's tools", async () => {
    const config = JSON.parse(blocks.find((b) => b.language === "json" && b.code.includes("mcpServers"))!.code) as {
      mcpServers: Record<string, { command: string; args: string[] }>;
    };
    const { command, args } = config.mcpServers["math-mcp"]!;
    const child = spawn(command, args.map(here), { cwd: ROOT, env: { ...process.env, PATH }, stdio: ["pipe", "pipe", "pipe"] });
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const ask = async (id: number, method: string, params: object) => {
        child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
        for (;;) {
          const message = JSON.parse((await lines.next()).value as string) as { id?: number; result?: any };
          if (message.id === id) return message.result;
        }
      };
      await ask(1, "initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "claude-desktop-like", version: "1" } });
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
      const { tools } = await ask(2, "tools/list", {});
      expect(tools.map((t: { name: string }) => t.name)).toContain("divide");
    } finally {
      stop(child);
    }
  });

  it("the room event sample is a room event as the schema defines it", () => {
    const sample = JSON.parse(blocks.find((b) => b.language === "json" && b.code.includes("notifications/room/event"))!.code);
    expect(RoomEventSchema.parse(sample.params)).toMatchObject({ seq: 7, tool: "add" });
  });

  it("HTML: the embed snippet, served by a page of another origin, connects the component to the room", async () => {
    const snippet = blocks.find((b) => b.language === "html")!.code.replaceAll("https://math.example", dev.origin);
    const page = createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(`<!doctype html><meta charset="utf-8">${snippet}`));
    await new Promise<void>((ready) => page.listen(0, "127.0.0.1", ready));
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
      await tab.locator("math-connection-status[status=connected]").waitFor();
    } finally {
      await browser.close();
      page.close();
    }
  });

  it("the quick start: .ci/run runs exactly its install and test commands; npm run dev -- --port N serves", async () => {
    const quickStart = blocks.find((b) => b.language === "sh")!.code;
    const commands = quickStart.split("\n").map((line) => line.replace(/#.*/, "").trim()).filter(Boolean);
    const ci = readFileSync(join(ROOT, ".ci/run"), "utf8").split("\n").map((line) => line.trim());
    for (const command of commands.filter((c) => c === "npm install" || c === "npm test" || c.startsWith("python3 -m pip"))) expect(ci).toContain(command);
    const port = await freePort();
    const devCommand = commands.find((c) => c.startsWith("npm run dev -- --port"))!.replace(/\d+$/, String(port));
    const server = spawn("sh", ["-c", devCommand], { cwd: ROOT, env: { ...process.env, PATH, CI: "true" }, stdio: "ignore", detached: true });
    try {
      await until(async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok);
      expect(await (await fetch(`http://127.0.0.1:${port}/status`)).json()).toMatchObject({ status: "ok" });
    } finally {
      stop(server);
    }
  });
});

/** Stops a program and everything it started. */
function stop(child: ChildProcess): void {
  try {
    process.kill(child.spawnargs[0] === "sh" ? -child.pid! : child.pid!, "SIGTERM");
  } catch {
    // Already gone.
  }
}

/** Retries `ready` until it holds: a server that is starting refuses connections until it listens. */
async function until(ready: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error("not ready in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
