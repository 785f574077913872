/**
 * @module Serves one modern request (2026-07-28), statelessly: everything it needs is in the request.
 * Its binding (Streamable HTTP, or a frame on our WebSocket) has already read and checked its `_meta`;
 * this runs the method and shapes the answer. It knows nothing of sockets.
 */
import { ErrorCode, MAX_PARAMS_DEPTH, nestsDeeperThan } from "../../shared/jsonrpc.ts";
import type { JSONRPCNotification, JSONRPCRequest, JSONRPCResponse, RequestId } from "../../shared/jsonrpc.ts";
import { LOGGING_LEVELS, VENDOR } from "../../shared/mcp.ts";
import type { Caller } from "../engine/caller.ts";
import { principalOf } from "../engine/caller.ts";
import type { RequestContext } from "../engine/context.ts";
import type { McpEngine } from "../engine/engine.ts";
import type { Transport } from "../engine/transport.ts";
import { McpError, toErrorObject } from "../engine/errors.ts";
import { InputRequired, ProtocolFailure } from "../tools/interrupt.ts";
import type { Envelope } from "./ladder.ts";
import { acceptedResponses, ModernInput } from "./input.ts";
import type { StateBinding } from "./request-state.ts";
import { completeResult, inputRequiredResult, modernError, MRTR_METHODS } from "./results.ts";
import { digestOf } from "./secrets.ts";

export type ModernExchange = {
  request: JSONRPCRequest;
  envelope: Envelope;
  caller: Caller;
  /** Aborted when the client cancels: nothing more is sent for the request. */
  signal: AbortSignal;
  /** Sends a notification that belongs to this request (progress, log, a listen's stream). */
  notify(message: JSONRPCNotification | string): void;
  /** The persistent connection the request came on (our WebSocket), if any. */
  connection?: Transport;
};

const failure = (id: RequestId, error: unknown): JSONRPCResponse => ({ jsonrpc: "2.0", id, error: modernError(toErrorObject(error)) });

/** What a request state is bound to: the caller, the method, what it names, and its arguments. */
async function bindingOf(request: JSONRPCRequest, caller: Caller): Promise<StateBinding> {
  const params = request.params ?? {};
  const target = String(params.uri ?? params.name ?? "");
  const digest = await digestOf(request.method === "resources/read" ? { uri: params.uri } : { name: params.name, arguments: params.arguments ?? {} });
  return { principal: principalOf(caller), method: request.method, target, digest };
}

/** Answers the request; undefined when it was cancelled (nothing may be sent then). */
export async function serveModern(engine: McpEngine, exchange: ModernExchange): Promise<JSONRPCResponse | undefined> {
  const { request, envelope, caller, signal } = exchange;
  const { id, method } = request;
  const params = request.params ?? {};
  if (nestsDeeperThan(params, MAX_PARAMS_DEPTH)) {
    return failure(id, new McpError(ErrorCode.InvalidParams, `Invalid params for ${method}: they nest more than ${MAX_PARAMS_DEPTH} levels deep`));
  }
  const handler = engine.method(method, "modern");
  if (!handler) return failure(id, new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`));
  const codec = engine.options.requestState;
  let binding: StateBinding | undefined;
  let input = new ModernInput(envelope, {});
  try {
    if (MRTR_METHODS.has(method)) {
      binding = await bindingOf(request, caller);
      const state = typeof params.requestState === "string" && codec ? await codec.open(params.requestState, binding) : undefined;
      if (params.requestState !== undefined && !state) throw new McpError(ErrorCode.InvalidParams, "requestState integrity check failed");
      // What earlier rounds learned (sealed) stands; the retry adds the answers to what was asked since.
      input = new ModernInput(envelope, { ...acceptedResponses(params.inputResponses), ...state?.answers });
    }
    const result = await handler(params, contextFor(exchange, input));
    if (signal.aborted) return undefined;
    return { jsonrpc: "2.0", id, result: withHandle(completeResult(method, result, engine.options.serverInfo), caller) };
  } catch (error) {
    if (signal.aborted) return undefined;
    if (error instanceof InputRequired && binding && codec) {
      const state = await codec.seal(binding, input.answers);
      return { jsonrpc: "2.0", id, result: withHandle(inputRequiredResult(error.requests, state, engine.options.serverInfo), caller) };
    }
    const cause = error instanceof ProtocolFailure ? error.error : error;
    if (!(cause instanceof McpError)) console.error(`${method} failed:`, cause);
    return failure(id, cause);
  }
}

/** A caller that sent or asked for a participant handle gets it back in every result's `_meta`. */
function withHandle(result: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  if (!caller.handle) return result;
  return { ...result, _meta: { ...(result._meta as Record<string, unknown>), [VENDOR.participant]: caller.handle } };
}

function contextFor(exchange: ModernExchange, input: ModernInput): RequestContext {
  const { request, envelope, caller, signal, notify, connection } = exchange;
  const token = envelope.meta.progressToken;
  const hasToken = typeof token === "string" || typeof token === "number";
  const threshold = envelope.logLevel ? LOGGING_LEVELS.indexOf(envelope.logLevel) : Infinity;
  const send = (method: string, params: Record<string, unknown>) => {
    if (!signal.aborted) notify({ jsonrpc: "2.0", method, params });
  };
  return {
    era: "modern",
    caller,
    requestId: request.id,
    signal,
    envelope,
    ...(connection ? { connection } : {}),
    gathered: input.answers,
    progress: (progress, total, message) => {
      if (hasToken) send("notifications/progress", { progressToken: token, progress, ...(total === undefined ? {} : { total }), ...(message ? { message } : {}) });
    },
    // Without a logLevel in its _meta a request gets no log messages at all (2026-07-28 logging).
    log: (level, data) => {
      if (LOGGING_LEVELS.indexOf(level) >= threshold) send("notifications/message", { level, logger: "math-mcp", data });
    },
    ask: input.ask,
    closeStream: () => {},
    notify: (message) => {
      if (!signal.aborted) notify(message);
    },
  };
}
