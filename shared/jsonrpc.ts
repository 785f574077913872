/**
 * @module JSON-RPC 2.0 message shapes, validated at every edge (server and web client alike).
 */
import * as z from "zod";

/** The JSON-RPC error codes math-mcp answers with. Classify errors by these, never by message text. */
export enum ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  /** Modern era: an HTTP header does not match the body (or a required one is missing). */
  HeaderMismatch = -32020,
  /** Modern era: the request needs a client capability its `_meta` did not declare (`data.requiredCapabilities`). */
  MissingRequiredClientCapability = -32021,
  /** Modern era: the request's protocol version is not served (`data.supported`, `data.requested`). */
  UnsupportedProtocolVersion = -32022,
  /** Legacy sessions: a resource that does not exist (modern requests get InvalidParams with `data.uri`). */
  ResourceNotFound = -32002,
  /** Legacy sessions: too many messages; `data.retryAfterMs` says when to send again. */
  RateLimited = -32029,
  /** Legacy sessions: the caller may look but not act here (a read-only viewer link). */
  Forbidden = -32003,
  /**
   * Modern era: too many messages; `data.retryAfterMs` says when to send again. Outside JSON-RPC's
   * reserved range, which 2026-07-28 keeps for the spec's own codes.
   */
  TooManyRequests = -31429,
  /** Modern era: a viewer link may look but not act (outside the reserved range, like TooManyRequests). */
  ViewOnly = -31403,
}

/** JSON-RPC allows any number (fractions are discouraged, not forbidden); MCP says string or number. */
export const RequestIdSchema = z.union([z.string(), z.number()]);
export type RequestId = z.infer<typeof RequestIdSchema>;

const Params = z.record(z.string(), z.unknown());

export const JSONRPCRequestSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: RequestIdSchema,
  method: z.string().min(1),
  params: Params.optional(),
});

export const JSONRPCNotificationSchema = z.object({
  jsonrpc: z.literal("2.0"),
  method: z.string().min(1),
  params: Params.optional(),
});

export const JSONRPCErrorObjectSchema = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});

export const JSONRPCResultResponseSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: RequestIdSchema,
  result: Params,
});

export const JSONRPCErrorResponseSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: RequestIdSchema.nullable(),
  error: JSONRPCErrorObjectSchema,
});

export type JSONRPCRequest = z.infer<typeof JSONRPCRequestSchema>;
export type JSONRPCNotification = z.infer<typeof JSONRPCNotificationSchema>;
export type JSONRPCResultResponse = z.infer<typeof JSONRPCResultResponseSchema>;
export type JSONRPCErrorResponse = z.infer<typeof JSONRPCErrorResponseSchema>;
export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse;
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse;

/** Sorts an already-parsed JSON value into the kind of message it is, or `undefined` if it is none. */
export function classifyMessage(value: unknown):
  | { kind: "request"; message: JSONRPCRequest }
  | { kind: "notification"; message: JSONRPCNotification }
  | { kind: "response"; message: JSONRPCResponse }
  | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const hasId = "id" in value;
  if ("method" in value) {
    const parsed = (hasId ? JSONRPCRequestSchema : JSONRPCNotificationSchema).safeParse(value);
    if (!parsed.success) return undefined;
    return hasId
      ? { kind: "request", message: parsed.data as JSONRPCRequest }
      : { kind: "notification", message: parsed.data as JSONRPCNotification };
  }
  const response = z.union([JSONRPCResultResponseSchema, JSONRPCErrorResponseSchema]).safeParse(value);
  return response.success ? { kind: "response", message: response.data } : undefined;
}

/** The id of a message too broken to classify, if one can still be read off it (for the error reply). */
export function salvageId(value: unknown): RequestId | null {
  if (typeof value !== "object" || value === null || !("id" in value)) return null;
  const id = RequestIdSchema.safeParse(value.id);
  return id.success ? id.data : null;
}

/** How deep params may nest: deeper values are refused before any recursive validator can overflow on them. */
export const MAX_PARAMS_DEPTH = 64;

/** Whether `value` nests objects and arrays more than `max` levels deep (counted without recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
