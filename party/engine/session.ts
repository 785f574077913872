/**
 * @module One session on a connection: JSON-RPC ids, request dispatch, cancellation, progress, logging,
 * and requests from the server to the client (sampling, elicitation) matched to their responses.
 *
 * It carries both eras, message by message: a request with modern `_meta` is served statelessly (the
 * session lends it only its connection: exactly-once answers, cancellation, the outbox); everything
 * else follows the legacy session that `initialize` opens. It owns no socket: a Transport carries its
 * messages, and the engine's method tables answer them.
 */
import { classifyMessage, ErrorCode, MAX_PARAMS_DEPTH, nestsDeeperThan, salvageId } from "../../shared/jsonrpc.ts";
import type { JSONRPCMessage, JSONRPCNotification, JSONRPCRequest, JSONRPCResponse, RequestId } from "../../shared/jsonrpc.ts";
import { LOGGING_LEVELS } from "../../shared/mcp.ts";
import type { LoggingLevel } from "../../shared/mcp.ts";
import { McpError, toErrorObject } from "./errors.ts";
import type { SendOptions, Transport } from "./transport.ts";
import type { SessionState } from "./session-state.ts";
import type { McpEngine } from "./engine.ts";
import type { RequestContext } from "./context.ts";
import { callerOfSession } from "./caller.ts";
import { claimsModern } from "./era.ts";
import type { InputResponses } from "../tools/interrupt.ts";
import { checkVersion, isRefusal, readEnvelope } from "../modern/ladder.ts";
import type { Refusal } from "../modern/ladder.ts";
import { serveModern } from "../modern/serve.ts";
import { completeResult, modernError } from "../modern/results.ts";

type Pending = { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> };

const METHODS_BEFORE_INITIALIZE = new Set(["initialize", "ping"]);
/** How long a server-to-client request waits for the client's answer. */
const CLIENT_REQUEST_TIMEOUT_MS = 120_000;
/** Which client capability each server-to-client request needs. */
const REQUIRED_CAPABILITY: Record<string, string> = {
  "sampling/createMessage": "sampling",
  "elicitation/create": "elicitation",
  "roots/list": "roots",
};

export class McpSession {
  readonly #engine: McpEngine;
  readonly transport: Transport;
  #state: SessionState;
  readonly #inFlight = new Map<RequestId, AbortController>();
  readonly #pending = new Map<RequestId, Pending>();
  #nextOutgoingId = 1;

  constructor(engine: McpEngine, transport: Transport, state: SessionState) {
    this.#engine = engine;
    this.transport = transport;
    this.#state = state;
    transport.onmessage = (message) => void this.#receive(message);
    transport.onerror = (error) => this.#onTransportError(error);
    // A dropped transport is not a cancellation (DESIGN: resumption): in-flight calls run to the end.
    engine.track(this);
  }

  get state(): Readonly<SessionState> {
    return this.#state;
  }

  /** Changes the session's protocol state and lets the engine persist it. */
  update(change: Partial<Omit<SessionState, "id">>): void {
    const subscriptions = "subscriptions" in change;
    if (subscriptions) this.#engine.untrack(this);
    this.#state = { ...this.#state, ...change };
    if (subscriptions) this.#engine.track(this);
    this.#engine.options.onSessionChange?.(this.#state);
  }

  /** Sends an already-serialized notification (a broadcast serializes it once for everyone). */
  sendRaw(frame: string): void {
    if (this.transport.sendRaw) this.transport.sendRaw(frame);
    else void this.transport.send(JSON.parse(frame) as JSONRPCNotification);
  }

  async notify(method: string, params?: Record<string, unknown>, options?: SendOptions): Promise<void> {
    await this.transport.send(params ? { jsonrpc: "2.0", method, params } : { jsonrpc: "2.0", method }, options);
  }

  /** Sends notifications/message if the session's level lets `level` through. */
  log(level: LoggingLevel, data: unknown, options?: SendOptions): void {
    if (LOGGING_LEVELS.indexOf(level) < LOGGING_LEVELS.indexOf(this.#state.logLevel)) return;
    void this.notify("notifications/message", { level, logger: "math-mcp", data }, options);
  }

  /** Sends a request to the client and resolves with its result (rejects with its error, or on timeout). */
  request(method: string, params: Record<string, unknown>, options: SendOptions & { signal?: AbortSignal } = {}): Promise<Record<string, unknown>> {
    const capability = REQUIRED_CAPABILITY[method];
    if (capability && !this.#state.clientCapabilities?.[capability]) {
      return Promise.reject(new McpError(ErrorCode.InvalidRequest, `The client did not declare the "${capability}" capability that ${method} needs`));
    }
    const id = `s${this.#nextOutgoingId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new McpError(ErrorCode.InternalError, `The client did not answer ${method} within ${CLIENT_REQUEST_TIMEOUT_MS / 1000} s`));
      }, CLIENT_REQUEST_TIMEOUT_MS);
      this.#pending.set(id, { resolve, reject, timer });
      options.signal?.addEventListener("abort", () => {
        if (!this.#pending.delete(id)) return;
        clearTimeout(timer);
        void this.notify("notifications/cancelled", { requestId: id, reason: "the request that needed it was cancelled" }, options);
        reject(new McpError(ErrorCode.InternalError, "cancelled"));
      });
      this.transport.send({ jsonrpc: "2.0", id, method, params }, options).catch(reject);
    });
  }

  /**
   * The session is over (DELETE, or forgotten): whatever still runs for it (a listen, say) stops, and
   * requests it sent the client fail now rather than wait out their timeout.
   */
  end(): void {
    for (const controller of this.#inFlight.values()) controller.abort("the session ended");
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(new McpError(ErrorCode.InternalError, "The session ended before the client answered"));
      this.#pending.delete(id);
    }
    this.#engine.untrack(this);
  }

  async #receive(value: unknown): Promise<void> {
    if (Array.isArray(value)) {
      return this.#sendError(null, new McpError(ErrorCode.InvalidRequest, "Batches are not supported: send one JSON-RPC message per frame"));
    }
    const classified = classifyMessage(value);
    if (!classified) {
      return this.#sendError(salvageId(value), new McpError(ErrorCode.InvalidRequest, "Not a JSON-RPC 2.0 request, notification or response"));
    }
    if (classified.kind === "request") return this.#onRequest(classified.message);
    if (classified.kind === "notification") return this.#onNotification(classified.message);
    this.#onResponse(classified.message);
  }

  async #onRequest(request: JSONRPCRequest): Promise<void> {
    const { id, method } = request;
    const modern = claimsModern(request);
    const related = { relatedRequestId: id };
    // The same id again while it runs is a retransmission (a client resuming after a dropped socket):
    // it is answered once, when the first one finishes. A call already answered is answered again from
    // the room's record and not run twice. Both eras: the promise belongs to the connection's session.
    if (this.#inFlight.has(id)) return;
    if (method === "tools/call") {
      const prior = this.#engine.options.priorAnswer?.(this.#state.id, id);
      if (prior) return this.transport.send(modern ? modernized(prior, this.#engine) : prior, related);
    }
    if (modern) return this.#onModernRequest(request);
    if (nestsDeeperThan(request.params, MAX_PARAMS_DEPTH)) {
      return this.#sendError(id, new McpError(ErrorCode.InvalidParams, `Invalid params for ${method}: they nest more than ${MAX_PARAMS_DEPTH} levels deep`));
    }
    const handler = this.#engine.method(method, "legacy");
    if (!handler) return this.#sendError(id, new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`));
    if (!this.#state.initialized && !METHODS_BEFORE_INITIALIZE.has(method)) {
      return this.#sendError(id, new McpError(ErrorCode.InvalidRequest, `Session not initialized: send "initialize" before "${method}"`));
    }
    const controller = new AbortController();
    this.#inFlight.set(id, controller);
    try {
      const result = await handler(request.params ?? {}, this.#context(request, controller.signal));
      if (!controller.signal.aborted) await this.transport.send({ jsonrpc: "2.0", id, result }, related);
      if (method === "initialize") this.#engine.options.onInitialized?.(this);
    } catch (error) {
      if (!(error instanceof McpError)) console.error(`${method} failed:`, error);
      if (!controller.signal.aborted) await this.#sendError(id, error);
    } finally {
      this.#inFlight.delete(id);
    }
  }

  /** A modern request on this connection: its own `_meta` says who and what; the session only carries it. */
  async #onModernRequest(request: JSONRPCRequest): Promise<void> {
    const { id } = request;
    const related = { relatedRequestId: id };
    const refuse = ({ code, message, data }: Refusal) =>
      this.transport.send({ jsonrpc: "2.0", id, error: data === undefined ? { code, message } : { code, message, data } }, related);
    const envelope = readEnvelope(request.params);
    if (isRefusal(envelope)) return refuse(envelope);
    const unsupported = checkVersion(envelope);
    if (unsupported) return refuse(unsupported);
    const controller = new AbortController();
    this.#inFlight.set(id, controller);
    try {
      const caller = (await this.#engine.options.modernCaller?.(this, envelope)) ?? callerOfSession(this.#state);
      const notify = (message: JSONRPCNotification | string) => {
        if (typeof message !== "string") void this.transport.send(message, related);
        else if (this.transport.sendRaw) this.transport.sendRaw(message);
        else void this.transport.send(JSON.parse(message) as JSONRPCNotification, related);
      };
      const response = await serveModern(this.#engine, { request, envelope, caller, signal: controller.signal, notify, connection: this.transport });
      if (response && !controller.signal.aborted) await this.transport.send(response, related);
    } catch (error) {
      if (!(error instanceof McpError)) console.error(`${request.method} failed:`, error);
      if (!controller.signal.aborted) await this.transport.send({ jsonrpc: "2.0", id, error: modernError(toErrorObject(error)) }, related);
    } finally {
      this.#inFlight.delete(id);
    }
  }

  #context(request: JSONRPCRequest, signal: AbortSignal): RequestContext {
    const requestId = request.id;
    const meta = request.params?._meta as { progressToken?: unknown } | undefined;
    const token = meta?.progressToken;
    const hasToken = typeof token === "string" || typeof token === "number";
    const related = { relatedRequestId: requestId };
    const ask = async (requests: Record<string, { method: string; params: Record<string, unknown> }>) => {
      const answers: InputResponses = {};
      for (const [key, { method, params }] of Object.entries(requests)) answers[key] = await this.request(method, params, { ...related, signal });
      return answers;
    };
    return {
      era: "legacy",
      caller: callerOfSession(this.#state),
      session: this,
      requestId,
      signal,
      progress: (progress, total, message) => {
        if (!hasToken || signal.aborted) return;
        void this.notify("notifications/progress", { progressToken: token, progress, total, message }, related);
      },
      log: (level, data) => this.log(level, data, related),
      ask,
      closeStream: () => this.transport.closeRequestStream?.(requestId),
      notify: (message) => void this.transport.send(typeof message === "string" ? (JSON.parse(message) as JSONRPCNotification) : message, related),
    };
  }

  #onNotification(notification: JSONRPCNotification): void {
    if (notification.method === "notifications/cancelled") {
      const requestId = notification.params?.requestId;
      if (typeof requestId === "string" || typeof requestId === "number") {
        this.#inFlight.get(requestId)?.abort(notification.params?.reason ?? "cancelled");
      }
    }
    // notifications/initialized and the rest need no answer; unknown notifications are ignored (JSON-RPC).
  }

  #onResponse(response: JSONRPCResponse): void {
    if (response.id === null) return;
    const pending = this.#pending.get(response.id);
    if (!pending) return; // Late (timed out, cancelled) or unknown: nothing waits for it.
    this.#pending.delete(response.id);
    clearTimeout(pending.timer);
    if ("result" in response) pending.resolve(response.result);
    else pending.reject(new McpError(response.error.code as ErrorCode, response.error.message, response.error.data));
  }

  #onTransportError(error: Error): void {
    if (error instanceof McpError && error.code === ErrorCode.ParseError) void this.#sendError(null, error);
  }

  async #sendError(id: RequestId | null, error: unknown): Promise<void> {
    await this.transport.send({ jsonrpc: "2.0", id, error: toErrorObject(error) }, id === null ? undefined : { relatedRequestId: id });
  }
}

/** A remembered answer as a modern request gets it (the log keeps it in the legacy shape). */
function modernized(answer: JSONRPCMessage, engine: McpEngine): JSONRPCMessage {
  if ("result" in answer) return { ...answer, result: completeResult("tools/call", answer.result, engine.options.serverInfo) };
  if ("error" in answer) return { ...answer, error: modernError(answer.error) };
  return answer;
}
