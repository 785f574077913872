/**
 * @module The MCP engine: server identity, the method table, and the hooks a room plugs in.
 *
 * One engine serves every session of a room; it never touches a socket or storage itself.
 */
import type { ToolRegistry, CallToolResult } from "../tools/registry.ts";
import type { VariableStore } from "../tools/context.ts";
import type { Transport } from "./transport.ts";
import type { JSONRPCMessage, RequestId } from "../../shared/jsonrpc.ts";
import type { SessionState } from "./session-state.ts";
import { McpSession } from "./session.ts";
import type { RequestContext } from "./session.ts";
import { coreMethods } from "./methods.ts";
import { resourceMethods } from "./resource-methods.ts";
import type { ResourceRegistry } from "../resources/registry.ts";
import type { PromptRegistry } from "../prompts/registry.ts";

export type Implementation = { name: string; version: string; title?: string };

/** One tools/call and how it ended, for the room log. */
export type ToolCallRecord = {
  /** The request that made the call, so that a retransmission is answered and not run again. */
  requestId: RequestId;
  tool: string;
  arguments: unknown;
  result?: CallToolResult;
  error?: { message: string; code?: number };
};

export type EngineOptions = {
  serverInfo: Implementation;
  instructions?: string;
  tools: ToolRegistry;
  /** Tools per tools/list page. */
  pageSize: number;
  resources?: ResourceRegistry;
  prompts?: PromptRegistry;
  /** The room's variables, which tools such as `evaluate` read and write. */
  variables: VariableStore;
  /** Called once per tools/call, before its answer is sent: the room logs and broadcasts it here. */
  onToolCall?: (record: ToolCallRecord, session: McpSession) => void;
  /** Called whenever a session's protocol state changes, so it can be stored. */
  onSessionChange?: (state: SessionState) => void;
  /** Called after a session's initialize has been answered: from then on it is a participant. */
  onInitialized?: (session: McpSession) => void;
  /** The answer a session already got for a tools/call request id, if the room recorded one. */
  priorAnswer?: (sessionId: string, requestId: RequestId) => JSONRPCMessage | undefined;
};

export type MethodHandler = (params: Record<string, unknown>, context: RequestContext) => Promise<Record<string, unknown>>;

export class McpEngine {
  readonly options: EngineOptions;
  readonly #methods: Map<string, MethodHandler>;

  constructor(options: EngineOptions) {
    this.options = options;
    this.#methods = new Map(Object.entries({ ...coreMethods(this), ...resourceMethods(this) }));
  }

  /** What initialize advertises: exactly the features this engine was given. */
  get capabilities(): Record<string, unknown> {
    const { resources, prompts } = this.options;
    return {
      tools: { listChanged: false },
      logging: {},
      ...(resources ? { resources: { subscribe: true, listChanged: false } } : {}),
      ...(prompts ? { prompts: { listChanged: false } } : {}),
      ...(resources || prompts ? { completions: {} } : {}),
    };
  }

  /** Tells every given session subscribed to `uri` that it changed. */
  resourceUpdated(uri: string, sessions: Iterable<McpSession>): void {
    for (const session of sessions) {
      if (session.state.subscriptions?.includes(uri)) void session.notify("notifications/resources/updated", { uri });
    }
  }

  /** Attaches a transport to a session with the given state; the transport is started. */
  connect(transport: Transport, state: SessionState): McpSession {
    const session = new McpSession(this, transport, state);
    void transport.start();
    return session;
  }

  method(name: string): MethodHandler | undefined {
    return this.#methods.get(name);
  }
}
