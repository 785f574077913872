/**
 * Group commit: a socket message is handled at once when nothing is being committed; messages that
 * arrive while a write is being committed are handled together in one later turn, in arrival order, so
 * that their writes share one commit. In a room: pipelined calls are each answered once, with their
 * events in order and no gap.
 */
import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../party/log/group-commit.ts";
import { isEvent, roomPath, TestSocket } from "./socket.ts";

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("GroupCommit", () => {
  it("handles a message at once when nothing is being committed", () => {
    const group = new GroupCommit(() => new Promise(() => {}));
    const seen: string[] = [];
    group.run(() => seen.push("a"));
    group.run(() => seen.push("b"));
    expect(seen).toEqual(["a", "b"]);
  });

  it("holds the messages that arrive during a commit, and handles them together, in order, in one later turn", async () => {
    let committed!: () => void;
    const group = new GroupCommit(() => new Promise<void>((resolve) => (committed = resolve)));
    const seen: string[] = [];
    group.run(() => {
      seen.push("first");
      group.wrote();
    });
    group.run(() => seen.push("second"));
    group.run(() => seen.push("third"));
    expect(seen).toEqual(["first"]);
    await nextTurn();
    expect(seen).toEqual(["first", "second", "third"]);
    // Once the commit is durable and nothing waits, a message is handled at once again.
    committed();
    await Promise.resolve();
    group.run(() => seen.push("fourth"));
    expect(seen).toEqual(["first", "second", "third", "fourth"]);
  });

  it("a message that throws does not keep the others of its group from being handled", async () => {
    const group = new GroupCommit(() => new Promise(() => {}));
    const seen: string[] = [];
    group.run(() => group.wrote());
    group.run(() => {
      throw new Error("one bad message");
    });
    group.run(() => seen.push("after"));
    await nextTurn();
    expect(seen).toEqual(["after"]);
  });
});

describe("pipelined calls in a room", () => {
  it("are each answered once, right, with their events in request order and no gap", async () => {
    const socket = await TestSocket.open(roomPath(`group-${Date.now().toString(36)}`));
    await socket.initialize("pipeliner");
    const calls = 40;
    for (let k = 1; k <= calls; k++) socket.sendRaw(JSON.stringify({ jsonrpc: "2.0", id: 1000 + k, method: "tools/call", params: { name: "add", arguments: { a: k, b: 1000 } } }));
    const answers = new Map<number, number>();
    const events: { seq: number; a: number }[] = [];
    while (answers.size < calls || events.length < calls) {
      const frame = await socket.next();
      if (isEvent(frame)) events.push({ seq: frame.params.seq, a: frame.params.arguments.a });
      else if (typeof frame.id === "number") {
        expect(answers.has(frame.id), `answered twice: ${frame.id}`).toBe(false);
        answers.set(frame.id, frame.result.structuredContent.value);
      }
    }
    for (let k = 1; k <= calls; k++) expect(answers.get(1000 + k)).toBe(k + 1000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: calls }, (_, i) => i + 1));
    expect(events.map((e) => e.a)).toEqual(Array.from({ length: calls }, (_, i) => i + 1));
    socket.close();
  });
});
