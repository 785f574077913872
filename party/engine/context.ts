/**
 * @module What a method handler gets besides its params, in either era. Everything it sends belongs to
 * its request: progress, log messages and (for subscriptions/listen) the notifications of its stream.
 */
import type { JSONRPCNotification, RequestId } from "../../shared/jsonrpc.ts";
import type { LoggingLevel } from "../../shared/mcp.ts";
import type { Era } from "./era.ts";
import type { Caller } from "./caller.ts";
import type { McpSession } from "./session.ts";
import type { Transport } from "./transport.ts";
import type { Envelope } from "../modern/ladder.ts";
import type { InputRequests, InputResponses } from "../tools/interrupt.ts";

export type RequestContext = {
  era: Era;
  caller: Caller;
  requestId: RequestId;
  /** Aborted when the client cancels the request (notifications/cancelled, or a closed HTTP stream). */
  signal: AbortSignal;
  /** Sends notifications/progress when the client gave a progress token; a no-op otherwise. */
  progress(progress: number, total?: number, message?: string): void;
  /** Sends notifications/message if the request's (or session's) log level lets it through. */
  log(level: LoggingLevel, data: unknown): void;
  /** Input from the client (see ToolContext.ask). */
  ask(requests: InputRequests): Promise<InputResponses>;
  /** Lets go of the client's connection for this request, where the transport can (legacy HTTP). */
  closeStream(): void;
  /** Sends a notification on this request's own stream (already serialized, or as a message). */
  notify(message: JSONRPCNotification | string): void;
  /** The legacy session, for the methods only it has (initialize, logging/setLevel, resources/subscribe). */
  session?: McpSession;
  /** The persistent connection (our WebSocket) a request came on, in either era; none on HTTP. */
  connection?: Transport;
  /** The modern request's `_meta`, read. */
  envelope?: Envelope;
  /** The answers a modern request already has (from earlier rounds): a task it turns into starts with them. */
  gathered?: InputResponses;
};

/** `request(method, params)` on top of `ask`: one input, keyed by its order in the call (the same on every run). */
export function singleRequests(ask: RequestContext["ask"]): (method: string, params: Record<string, unknown>) => Promise<Record<string, unknown>> {
  let count = 0;
  return async (method, params) => {
    const key = `input-${++count}`;
    const answers = await ask({ [key]: { method: method as InputRequests[string]["method"], params } });
    return answers[key]!;
  };
}
