/**
 * The note tool inside workerd: listed, appended to everyone's log as it was written, refused when
 * empty or too long.
 */
import { describe, expect, it } from "vitest";
import { MAX_NOTE_LENGTH } from "../../shared/notes.ts";
import { isEvent, roomPath, TestSocket } from "./socket.ts";

let counter = 0;
const freshRoom = () => `note-${Date.now().toString(36)}-${counter++}`;

describe("note", () => {
  it("is listed with its schema and appends the text, exactly as written, to everyone's log", async () => {
    const room = freshRoom();
    const tutor = await TestSocket.open(roomPath(room, "?name=tutor"));
    const student = await TestSocket.open(roomPath(room, "?name=student"));
    await tutor.initialize("tutor");
    await student.initialize("student");

    const { response: listed } = await tutor.request("tools/list", {});
    let tools = listed.result.tools as { name: string; inputSchema: { properties: Record<string, unknown>; required: string[] } }[];
    let cursor = listed.result.nextCursor as string | undefined;
    while (cursor) {
      const { response } = await tutor.request("tools/list", { cursor });
      tools = [...tools, ...response.result.tools];
      cursor = response.result.nextCursor;
    }
    const note = tools.find((t) => t.name === "note")!;
    expect(note.inputSchema.required).toEqual(["text"]);
    expect(Object.keys(note.inputSchema.properties)).toEqual(["text"]);

    const text = "Complete the square: $x^2 + 6x = (x + 3)^2 - 9$.\n\n<script>alert(1)</script> stays text.";
    const { response, before } = await tutor.request("tools/call", { name: "note", arguments: { text } });
    expect(response.result).toMatchObject({ structuredContent: { characters: text.length } });
    expect(response.result.isError).toBeUndefined();
    const frames = before.some(isEvent) ? before : await tutor.until(isEvent);
    const [event] = frames.filter(isEvent).map((f) => f.params);
    expect(event).toMatchObject({ by: "tutor", tool: "note", arguments: { text } });
    const [seen] = (await student.until(isEvent)).filter(isEvent).map((f) => f.params);
    expect(seen).toEqual(event);
    tutor.close();
    student.close();
  });

  it("refuses an empty note and one over the limit, with a sentence, as a logged tool error", async () => {
    const socket = await TestSocket.open(roomPath(freshRoom()));
    await socket.initialize();
    const empty = (await socket.request("tools/call", { name: "note", arguments: { text: "  \n " } })).response.result;
    expect(empty).toMatchObject({ isError: true, content: [{ type: "text", text: "note: text: must not be empty" }] });
    const long = (await socket.request("tools/call", { name: "note", arguments: { text: "x".repeat(MAX_NOTE_LENGTH + 1) } })).response.result;
    expect(long).toMatchObject({ isError: true, content: [{ type: "text", text: `note: text: must be at most ${MAX_NOTE_LENGTH} characters` }] });
    const extra = (await socket.request("tools/call", { name: "note", arguments: { text: "hi", html: "<b>" } })).response.result;
    expect(extra).toMatchObject({ isError: true, content: [{ type: "text", text: "note: unknown argument html" }] });
    socket.close();
  });
});
