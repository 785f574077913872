/**
 * @module Notes: the tool that writes Markdown with LaTeX math to a room's log, as the room and its
 * readers both know it.
 */

/** The tool's name: an event with this tool is a note, `arguments.text` its Markdown. */
export const NOTE_TOOL = "note";

/** Long enough for a worked explanation; far below a frame (64 KiB) and cheap for every reader to render. */
export const MAX_NOTE_LENGTH = 10_000;
