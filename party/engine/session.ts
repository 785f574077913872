/**
 * @module One MCP session: JSON-RPC ids, request dispatch, cancellation, progress and logging.
 *
 * It owns no socket: a Transport carries its messages, and the engine's method table answers them.
 */
import { classifyMessage, salvageId, ErrorCode } from "../../shared/jsonrpc.ts";
import type { JSONRPCNotification, JSONRPCRequest, RequestId } from "../../shared/jsonrpc.ts";
import { LOGGING_LEVELS } from "../../shared/mcp.ts";
import type { LoggingLevel } from "../../shared/mcp.ts";
import { McpError, toErrorObject } from "./errors.ts";
import type { Transport } from "./transport.ts";
import type { SessionState } from "./session-state.ts";
import type { McpEngine } from "./engine.ts";

/** What a method handler gets besides its params. */
export type RequestContext = {
  session: McpSession;
  requestId: RequestId;
  /** Aborted when the client sends notifications/cancelled for this request. */
  signal: AbortSignal;
  /** Sends notifications/progress when the client gave a progress token; a no-op otherwise. */
  progress(progress: number, total?: number, message?: string): void;
};

const METHODS_BEFORE_INITIALIZE = new Set(["initialize", "ping"]);

export class McpSession {
  readonly #engine: McpEngine;
  readonly transport: Transport;
  #state: SessionState;
  readonly #inFlight = new Map<RequestId, AbortController>();

  constructor(engine: McpEngine, transport: Transport, state: SessionState) {
    this.#engine = engine;
    this.transport = transport;
    this.#state = state;
    transport.onmessage = (message) => void this.#receive(message);
    transport.onerror = (error) => this.#onTransportError(error);
    // A dropped transport is not a cancellation (DESIGN: resumption): in-flight calls run to the end.
  }

  get state(): Readonly<SessionState> {
    return this.#state;
  }

  /** Changes the session's protocol state and lets the engine persist it. */
  update(change: Partial<Omit<SessionState, "id">>): void {
    this.#state = { ...this.#state, ...change };
    this.#engine.options.onSessionChange?.(this.#state);
  }

  async notify(method: string, params?: Record<string, unknown>): Promise<void> {
    await this.transport.send(params ? { jsonrpc: "2.0", method, params } : { jsonrpc: "2.0", method });
  }

  /** Sends notifications/message if the session's level lets `level` through. */
  log(level: LoggingLevel, data: unknown, logger = "math-mcp"): void {
    if (LOGGING_LEVELS.indexOf(level) < LOGGING_LEVELS.indexOf(this.#state.logLevel)) return;
    void this.notify("notifications/message", { level, logger, data });
  }

  async #receive(value: unknown): Promise<void> {
    if (Array.isArray(value)) {
      return this.#sendError(
        null,
        new McpError(ErrorCode.InvalidRequest, "Batches are not supported: send one JSON-RPC message per frame"),
      );
    }
    const classified = classifyMessage(value);
    if (!classified) {
      return this.#sendError(
        salvageId(value),
        new McpError(ErrorCode.InvalidRequest, "Not a JSON-RPC 2.0 request, notification or response"),
      );
    }
    if (classified.kind === "request") return this.#onRequest(classified.message);
    if (classified.kind === "notification") return this.#onNotification(classified.message);
    // Responses answer server-to-client requests; this server sends none yet, so there is nothing to match.
  }

  async #onRequest(request: JSONRPCRequest): Promise<void> {
    const { id, method } = request;
    const params = request.params ?? {};
    if (this.#inFlight.has(id)) {
      return this.#sendError(id, new McpError(ErrorCode.InvalidRequest, `Request id ${JSON.stringify(id)} is already in flight`));
    }
    const handler = this.#engine.method(method);
    if (!handler) {
      return this.#sendError(id, new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`));
    }
    if (!this.#state.initialized && !METHODS_BEFORE_INITIALIZE.has(method)) {
      return this.#sendError(id, new McpError(ErrorCode.InvalidRequest, `Session not initialized: send "initialize" before "${method}"`));
    }
    const controller = new AbortController();
    this.#inFlight.set(id, controller);
    try {
      const result = await handler(params, this.#context(id, params, controller.signal));
      if (!controller.signal.aborted) await this.transport.send({ jsonrpc: "2.0", id, result });
    } catch (error) {
      if (!(error instanceof McpError)) console.error(`${method} failed:`, error);
      if (!controller.signal.aborted) await this.#sendError(id, error);
    } finally {
      this.#inFlight.delete(id);
    }
  }

  #context(requestId: RequestId, params: Record<string, unknown>, signal: AbortSignal): RequestContext {
    const meta = params._meta as { progressToken?: unknown } | undefined;
    const token = meta?.progressToken;
    const hasToken = typeof token === "string" || typeof token === "number";
    return {
      session: this,
      requestId,
      signal,
      progress: (progress, total, message) => {
        if (!hasToken || signal.aborted) return;
        void this.notify("notifications/progress", { progressToken: token, progress, total, message });
      },
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

  #onTransportError(error: Error): void {
    if (error instanceof McpError && error.code === ErrorCode.ParseError) void this.#sendError(null, error);
  }

  async #sendError(id: RequestId | null, error: unknown): Promise<void> {
    await this.transport.send({ jsonrpc: "2.0", id, error: toErrorObject(error) });
  }
}
