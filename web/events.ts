/**
 * @module The DOM events the elements send. All bubble and are composed, so a page can listen on
 * `<math-session>` (or any ancestor) for what happens inside its shadow root.
 */
import type { RoomEvent } from "../shared/events.ts";
import type { SessionStatus } from "./room-controller.ts";

/** A person asked to call a tool (the expression input, a tool form); `<math-session>` makes the call. */
export type CallRequest = { tool: string; arguments: Record<string, unknown> };

const options = { bubbles: true, composed: true } as const;

export const callEvent = (detail: CallRequest) => new CustomEvent("math-call", { ...options, detail });
export const cancelEvent = (callId: number) => new CustomEvent("math-cancel", { ...options, detail: { callId } });
export const insertEvent = (text: string) => new CustomEvent("math-insert", { ...options, detail: { text } });
export const statusEvent = (status: SessionStatus) => new CustomEvent("math-session-status", { ...options, detail: { status } });
export const roomEventEvent = (event: RoomEvent) => new CustomEvent("math-session-event", { ...options, detail: { event } });
export const errorEvent = (message: string) => new CustomEvent("math-session-error", { ...options, detail: { message } });

declare global {
  interface GlobalEventHandlersEventMap {
    /** A tool call asked for by a person, before it is sent. */
    "math-call": CustomEvent<CallRequest>;
    /** A person cancelled a call still running. */
    "math-cancel": CustomEvent<{ callId: number }>;
    /** A person chose a variable: its name goes into the expression input. */
    "math-insert": CustomEvent<{ text: string }>;
    /** The connection to the room changed: connecting, connected, reconnecting or offline. */
    "math-session-status": CustomEvent<{ status: SessionStatus }>;
    /** A room event arrived (replayed on joining, or live), once per seq. */
    "math-session-event": CustomEvent<{ event: RoomEvent }>;
    /** Something failed that the log does not show (a call that never reached the room). */
    "math-session-error": CustomEvent<{ message: string }>;
  }
}
