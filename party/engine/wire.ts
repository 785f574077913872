/**
 * @module JSON-RPC messages as text, serializing each result once: a tool call's result is already
 * serialized inside its room event, and its answer reuses that text instead of serializing it again.
 */
import type { JSONRPCMessage } from "../../shared/jsonrpc.ts";

/** Results whose JSON is already known; nothing may change such a result after it is remembered. */
const known = new WeakMap<object, string>();

/** Remembers `json` as the text of `value` (which must not change afterwards). */
export function remember(value: object, json: string): void {
  known.set(value, json);
}

/** A message as one frame of text. */
export function serialize(message: JSONRPCMessage): string {
  if ("result" in message && typeof message.result === "object" && message.result !== null) {
    const result = known.get(message.result);
    if (result !== undefined) return `{"jsonrpc":"2.0","id":${JSON.stringify(message.id)},"result":${result}}`;
  }
  return JSON.stringify(message);
}
