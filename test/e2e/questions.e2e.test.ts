/**
 * "Questions people ask": the README's table, asked over MCP against a real `wrangler dev`. Each row is a
 * tool call and the answer the README promises; the table is read from the README, so what it shows is
 * what the room answers. The cold first call of the algebra engine is timed and printed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./mcp-client.ts";
import type { RoomClient } from "./mcp-client.ts";
import { WranglerDev } from "../support/wrangler-dev.ts";

type Row = { question: string; tool: string; args: Record<string, unknown>; answer: string };

/** The rows of the README's "Questions people ask" table. */
function questions(): Row[] {
  const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.split("## Questions people ask")[1]!.split("\n## ")[0]!;
  return section
    .split("\n")
    .filter((line) => line.startsWith("| ") && line.includes("`"))
    .map((line) => {
      const [, question, call, answer] = /^\| (.+?) \| `(.+?)` \| `(.+?)` \|$/.exec(line)!;
      const space = call!.indexOf(" ");
      return { question: question!, tool: call!.slice(0, space), args: JSON.parse(call!.slice(space + 1)) as Record<string, unknown>, answer: answer! };
    });
}

let dev: WranglerDev;
let room: RoomClient;
beforeAll(async () => {
  dev = await WranglerDev.start({ vars: { RATE_LIMIT_PER_SECOND: "100000", RATE_LIMIT_BURST: "100000" } });
  room = await connectClient(dev.wsUrl(`/rooms/questions-${Date.now().toString(36)}/mcp`), "questions");
});
afterAll(async () => {
  await room?.close();
  await dev?.dispose();
});

type Result = { isError?: boolean; content: { text?: string }[]; structuredContent?: { value: string } };
const call = async (name: string, args: Record<string, unknown>) => (await room.client.callTool({ name, arguments: args })) as Result;

describe("questions people ask (the README's table)", () => {
  it("times the algebra engine's cold start: the first symbolic call loads it", async () => {
    await call("evaluate", { expression: "1 + 1" });
    const started = performance.now();
    const first = await call("simplify", { expression: "x + x" });
    const cold = performance.now() - started;
    const again = performance.now();
    await call("simplify", { expression: "y + y" });
    const warm = performance.now() - again;
    console.log(`first symbolic call (loads the algebra engine): ${cold.toFixed(0)} ms; the next: ${warm.toFixed(0)} ms`);
    expect(first.structuredContent?.value).toBe("2*x");
  });

  it.each(questions().map((row) => [row.question, row] as const))("%s", async (_question, row) => {
    const result = await call(row.tool, row.args);
    expect(result.isError, result.content[0]?.text).toBeFalsy();
    const value = result.structuredContent!.value;
    if (row.answer.endsWith("…")) expect(value.startsWith(row.answer.slice(0, -1)), `${value} starts with ${row.answer}`).toBe(true);
    else expect(value).toBe(row.answer);
  });
});
