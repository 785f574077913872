/**
 * @module Who makes a request, whatever its era: a legacy session's stored state, or what one modern
 * request presents (its `_meta`, the room's admission, a participant handle).
 */
import type { Access } from "../http/access.ts";
import type { ClientInfo, SessionState } from "./session-state.ts";

export type Caller = {
  /**
   * The socket or HTTP session the request came through, where one exists: a tools/call's answer is
   * remembered under it, so a retransmitted request id is answered again and not run twice.
   */
  sessionId?: string;
  /** Shown as `by` in the room log. */
  name: string;
  /** The public id of a participant handle, shown beside `by` (modern callers that hold one). */
  participant?: string;
  /** The handle itself, given back in the result's `_meta` (minted for this request, or the one it sent). */
  handle?: string;
  access: Access;
  /** What the client can do: declared once at initialize (legacy), or per request (modern). */
  capabilities: Record<string, unknown>;
  clientInfo?: ClientInfo;
};

export function callerOfSession(state: SessionState): Caller {
  return {
    sessionId: state.id,
    name: state.name,
    access: state.access ?? "write",
    capabilities: state.clientCapabilities ?? {},
    ...(state.clientInfo ? { clientInfo: state.clientInfo } : {}),
  };
}

/**
 * Who may see a task or open a request state: the room key's access, and the handle when there is
 * one. Anyone else is told the task does not exist.
 */
export const principalOf = (caller: Caller) => `${caller.access}:${caller.participant ?? "-"}`;
