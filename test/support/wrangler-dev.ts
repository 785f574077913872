/**
 * Starts a real `wrangler dev` on a free loopback port with its own persist directory, and stops it.
 * Every process it starts dies with the test run, whatever happens.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "node_modules/.bin");
// Wrangler needs Node 22 (a devDependency); run it with the Node running us, which npm scripts make that one.
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export type WranglerOptions = {
  persistDir?: string;
  vars?: Record<string, string>;
  config?: string;
  /** Override the configuration's `minify` (the bench turns it off so that CPU profiles name functions). */
  minify?: boolean;
};

export class WranglerDev {
  readonly persistDir: string;
  readonly #ownsPersistDir: boolean;
  readonly #options: WranglerOptions;
  #child?: ChildProcess;
  #port = 0;
  #inspector = 0;
  output = "";

  private constructor(options: WranglerOptions) {
    this.#options = options;
    this.#ownsPersistDir = !options.persistDir;
    this.persistDir = options.persistDir ?? mkdtempSync(join(tmpdir(), "math-mcp-e2e-"));
  }

  static async start(options: WranglerOptions = {}): Promise<WranglerDev> {
    const dev = new WranglerDev(options);
    await dev.#spawn();
    return dev;
  }

  /** The process group of this server (wrangler and the workerd it runs), while it runs. */
  get processGroup(): number | undefined {
    return this.#child?.pid;
  }

  /** The port of wrangler's inspector for the Worker's isolate (a profiler attaches there). */
  get inspectorPort(): number {
    return this.#inspector;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  wsUrl(path: string): URL {
    return new URL(path, `ws://127.0.0.1:${this.#port}`);
  }

  /**
   * Starts wrangler; a free port can be taken by another process between our finding it and wrangler
   * binding it (CI saw "Address already in use"), so that start is tried again on new ports, twice at most.
   */
  async #spawn(samePort = false): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#spawnOnce(samePort);
      } catch (error) {
        const taken = error instanceof Error && error.message.includes("Address already in use");
        if (!taken || attempt === 3 || (samePort && this.#port !== 0)) throw error;
        this.output = "";
      }
    }
  }

  async #spawnOnce(samePort: boolean): Promise<void> {
    if (!samePort || this.#port === 0) this.#port = await freePort();
    const inspector = (this.#inspector = await freePort());
    const args = ["dev", "--ip", "127.0.0.1", "--port", String(this.#port), "--inspector-port", String(inspector)];
    args.push("--persist-to", this.persistDir, "--show-interactive-dev-session=false");
    if (this.#options.config) args.push("--config", this.#options.config);
    if (this.#options.minify !== undefined) args.push(this.#options.minify ? "--minify" : "--no-minify");
    for (const [key, value] of Object.entries(this.#options.vars ?? {})) args.push("--var", `${key}:${value}`);
    const child = spawn(process.execPath, [WRANGLER, ...args], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: `${BIN}:${process.env.PATH}`, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true" },
    });
    live.add(child);
    this.#child = child;
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`wrangler dev not ready in 90 s:\n${this.output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes("Ready on")) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        fail(new Error(`wrangler dev exited with ${code} before it was ready:\n${this.output}`));
      });
    });
  }

  /** Stops the server (SIGTERM, or SIGKILL for a crash) and waits until it is gone. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    killGroup(child, "SIGCONT"); // A paused server cannot act on SIGTERM.
    killGroup(child, signal);
    const escalate = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(escalate);
    // workerd may outlive wrangler by a moment; make sure the whole group is gone.
    killGroup(child, "SIGKILL");
    live.delete(child);
  }

  /**
   * Stops and starts again on the same persist directory; on the same port with `samePort` (clients
   * that reconnect by themselves find it again), else on a new one.
   */
  async restart(signal: NodeJS.Signals = "SIGTERM", samePort = false): Promise<void> {
    await this.stop(signal);
    this.output = "";
    await this.#spawn(samePort);
  }

  /** Freezes the server (SIGSTOP): its sockets stay open and say nothing, as half-open ones do. */
  pause(): void {
    if (this.#child) killGroup(this.#child, "SIGSTOP");
  }

  resume(): void {
    if (this.#child) killGroup(this.#child, "SIGCONT");
  }

  async dispose(): Promise<void> {
    await this.stop();
    if (this.#ownsPersistDir) rmSync(this.persistDir, { recursive: true, force: true });
  }
}
