/**
 * @module Unguessable identifiers: room ids, session ids, agent ids.
 */

/** `bytes` random bytes (16 = 128 bits) as base64url: letters, digits, '-' and '_'. */
export function randomToken(bytes = 16): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Session ids name their room (`<room>.<token>`), so `/mcp` can route a request by its session id alone.
 * Room names never contain '.', so the split is unambiguous; the token makes the id unguessable.
 */
export const newSessionId = (room: string) => `${room}.${randomToken()}`;

export function roomOfSessionId(sessionId: string): string | undefined {
  const dot = sessionId.lastIndexOf(".");
  return dot > 0 ? sessionId.slice(0, dot) : undefined;
}
