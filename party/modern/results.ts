/**
 * @module How modern results and errors look on the wire (2026-07-28): `resultType` on every result,
 * the server's identity in `_meta`, caching hints where the spec asks for them, and only codes the spec
 * allows (legacy-only codes are mapped to their modern counterparts).
 */
import { ErrorCode } from "../../shared/jsonrpc.ts";
import { META } from "../../shared/mcp.ts";
import type { Implementation } from "../engine/engine.ts";
import type { InputRequests } from "../tools/interrupt.ts";

type Cache = { ttlMs: number; cacheScope: "public" | "private" };

/**
 * Caching hints per method. Lists are the same for every caller of a deployment (public, an hour);
 * `resources/list` names the room's resources (private); reads change with every call in the room.
 */
const CACHE: Record<string, Cache> = {
  "server/discover": { ttlMs: 3_600_000, cacheScope: "public" },
  "tools/list": { ttlMs: 3_600_000, cacheScope: "public" },
  "prompts/list": { ttlMs: 3_600_000, cacheScope: "public" },
  "resources/templates/list": { ttlMs: 3_600_000, cacheScope: "public" },
  "resources/list": { ttlMs: 60_000, cacheScope: "private" },
  "resources/read": { ttlMs: 0, cacheScope: "private" },
};

/** The methods that may answer an InputRequiredResult (and so take inputResponses and requestState). */
export const MRTR_METHODS = new Set(["tools/call", "prompts/get", "resources/read"]);

const withServerInfo = (meta: unknown, serverInfo: Implementation) => ({
  ...(typeof meta === "object" && meta !== null ? meta : {}),
  [META.serverInfo]: serverInfo,
});

/** A handler's result as a modern client gets it; a task's `resultType: "task"` stays as it is. */
export function completeResult(method: string, result: Record<string, unknown>, serverInfo: Implementation): Record<string, unknown> {
  const resultType = typeof result.resultType === "string" ? result.resultType : "complete";
  const cache = resultType === "complete" ? CACHE[method] : undefined;
  return { ...result, resultType, ...cache, _meta: withServerInfo(result._meta, serverInfo) };
}

/** An interim answer: what the client must supply, and the sealed state to send back with it. */
export function inputRequiredResult(inputRequests: InputRequests, requestState: string, serverInfo: Implementation): Record<string, unknown> {
  return { resultType: "input_required", inputRequests, requestState, _meta: { [META.serverInfo]: serverInfo } };
}

/** Codes 2026-07-28 forbids, and what a modern request gets instead. */
const MODERN_CODE: Partial<Record<number, ErrorCode>> = {
  [ErrorCode.ResourceNotFound]: ErrorCode.InvalidParams,
  [ErrorCode.RateLimited]: ErrorCode.TooManyRequests,
  [ErrorCode.Forbidden]: ErrorCode.ViewOnly,
};

export function modernError(error: { code: number; message: string; data?: unknown }): { code: number; message: string; data?: unknown } {
  const code = MODERN_CODE[error.code] ?? error.code;
  return code === error.code ? error : { ...error, code };
}

/**
 * The HTTP status a modern error takes on Streamable HTTP (the body says the rest). A viewer's refused
 * call stays 200, like any other JSON-RPC error a client should read rather than treat as an HTTP failure.
 */
export function statusOf(code: number): number {
  switch (code) {
    case ErrorCode.MethodNotFound:
      return 404;
    case ErrorCode.ParseError:
    case ErrorCode.InvalidRequest:
    case ErrorCode.HeaderMismatch:
    case ErrorCode.MissingRequiredClientCapability:
    case ErrorCode.UnsupportedProtocolVersion:
      return 400;
    case ErrorCode.TooManyRequests:
      return 429;
    case ErrorCode.InternalError:
      return 500;
    default:
      return 200;
  }
}
