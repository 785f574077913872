/**
 * @module Which era a message belongs to (MCP `basic/versioning.mdx`): a request whose `_meta` carries
 * a protocol version is modern and served statelessly; anything else is the legacy session's.
 */
import { isModernVersion, META } from "../../shared/mcp.ts";

export type Era = "modern" | "legacy";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The `_meta` of a message's params, if it has one that is an object. */
export function metaOf(message: unknown): Record<string, unknown> | undefined {
  if (!isObject(message) || !isObject(message.params)) return undefined;
  const meta = message.params._meta;
  return isObject(meta) ? meta : undefined;
}

/** A message claims the modern era by naming its protocol version in `_meta` (even an `initialize`). */
export const claimsModern = (message: unknown) => metaOf(message)?.[META.protocolVersion] !== undefined;

/**
 * The era of a POST body on Streamable HTTP: the body decides first; else an `MCP-Protocol-Version`
 * header naming a modern version (2026-07-28, or anything that sorts after it) makes it a malformed
 * modern request; everything else is the legacy binding's (which refuses versions it does not know).
 */
export function httpEra(body: unknown, versionHeader: string | null): Era {
  if (claimsModern(body)) return "modern";
  const version = versionHeader?.trim();
  return version && isModernVersion(version) ? "modern" : "legacy";
}

/**
 * The era of one frame on a persistent connection (our WebSocket binding, like stdio): per message,
 * by its body alone. Notifications and responses follow the legacy session; `notifications/cancelled`
 * reaches modern requests too.
 */
export const frameEra = (message: unknown): Era => (claimsModern(message) ? "modern" : "legacy");
