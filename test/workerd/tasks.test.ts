/**
 * The tasks extension inside workerd: long math work as a task for a client that declares it, polled to
 * its end, cancelled, and carried through the eviction of its room; every task's outcome is one event.
 */
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { modern, TASKS } from "./modern-client.ts";
import { roomPath } from "./socket.ts";

let counter = 0;
const freshRoom = () => `tasks-${Date.now().toString(36)}-${counter++}`;
const withTasks = { capabilities: { extensions: { [TASKS]: {} } } };

async function settled(path: string, taskId: string, options = withTasks): Promise<any> {
  for (;;) {
    const { body } = await modern(path, "tasks/get", { taskId }, options);
    if (!["working", "input_required"].includes(body.result?.status)) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Event = { seq: number; tool: string; error?: { message: string } };

async function events(path: string): Promise<Event[]> {
  const { body } = await modern(path, "resources/read", { uri: "room://log" });
  return JSON.parse(body.result.contents[0].text).events;
}

/** The conformance room serves no room://log: its events, read from its storage. */
const fixture = env.ConformanceRoom.get(env.ConformanceRoom.idFromName("c-modern"));
const fixtureEvents = (): Promise<Event[]> =>
  runInDurableObject(fixture, (_room, state) => state.storage.sql.exec<{ body: string }>("SELECT body FROM events ORDER BY seq").toArray().map((r) => JSON.parse(r.body) as Event));

describe("tasks", { timeout: 30_000 }, () => {
  it("runs a plot as a task for a client that declares the extension, and synchronously for one that does not", async () => {
    const path = roomPath(freshRoom());
    const args = { name: "plot", arguments: { expression: "x^2", variable: "x", from: -2, to: 2 } };
    const created = await modern(path, "tools/call", args, withTasks);
    expect(created.body.result).toMatchObject({ resultType: "task", status: "working", ttlMs: expect.any(Number), pollIntervalMs: expect.any(Number) });
    expect(created.body.result).not.toHaveProperty("content");
    const { taskId } = created.body.result;
    expect(taskId.startsWith(`${path.split("/")[2]}.`)).toBe(true);
    const done = await settled(path, taskId);
    expect(done.result).toMatchObject({ resultType: "complete", status: "completed", result: { content: [{ type: "text" }, { type: "image", mimeType: "image/svg+xml" }] } });
    const sync = await modern(path, "tools/call", args);
    expect(sync.body.result).toMatchObject({ resultType: "complete", content: [{ type: "text" }, { type: "image" }] });
    expect((await events(path)).map((e) => e.tool)).toEqual(["plot", "plot"]);
  });

  it("keeps small statistics synchronous, and refuses tasks/* to a request that does not declare the extension", async () => {
    const path = roomPath(freshRoom());
    const small = await modern(path, "tools/call", { name: "statistics", arguments: { operation: "mean", data: [1, 2, 3] } }, withTasks);
    expect(small.body.result).toMatchObject({ resultType: "complete", structuredContent: { value: "2" } });
    const refused = await modern(path, "tasks/get", { taskId: "nope" });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: -32021, data: { requiredCapabilities: { extensions: { [TASKS]: {} } } } } } });
    expect((await modern(path, "tasks/get", { taskId: "nope" }, withTasks)).body.error.code).toBe(-32602);
  });

  it("cancels a running task; its one event says so", async () => {
    const path = "/conformance/mcp";
    const { body } = await modern(path, "tools/call", { name: "slow_compute", arguments: { seconds: 20, label: "cancel-me" } }, withTasks);
    const { taskId } = body.result;
    expect((await modern(path, "tasks/cancel", { taskId }, withTasks)).body.result).toEqual({ resultType: "complete", _meta: expect.any(Object) });
    expect((await settled(path, taskId)).result.status).toBe("cancelled");
    const mine = (await fixtureEvents()).filter((e) => e.tool === "slow_compute" && JSON.stringify(e).includes("cancel-me"));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.error?.message).toMatch(/cancelled/);
  });

  it("outlives the eviction of its room: the work runs again and ends as one event", async () => {
    const path = "/conformance/mcp";
    const { body } = await modern(path, "tools/call", { name: "slow_compute", arguments: { seconds: 1, label: "survivor" } }, withTasks);
    const { taskId } = body.result;
    await evictDurableObject(fixture);
    const done = await settled(path, taskId);
    expect(done.result).toMatchObject({ status: "completed", result: { content: [{ text: "Computed survivor after 1 s" }] } });
    expect((await fixtureEvents()).filter((e) => JSON.stringify(e).includes("survivor"))).toHaveLength(1);
  });

  it("is visible only to whoever started it", async () => {
    const path = roomPath(freshRoom());
    const handle = (await modern(path, "tools/list", {}, { meta: { "dev.math-mcp/participant": { name: "owner" } } })).body.result._meta["dev.math-mcp/participant"];
    const owned = { ...withTasks, meta: { "dev.math-mcp/participant": handle } };
    const { body } = await modern(path, "tools/call", { name: "plot", arguments: { expression: "x", variable: "x", from: 0, to: 1 } }, owned);
    expect((await modern(path, "tasks/get", { taskId: body.result.taskId }, withTasks)).body.error.code).toBe(-32602);
    expect((await settled(path, body.result.taskId, owned)).result.status).toBe("completed");
  });
});
