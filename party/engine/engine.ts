/**
 * @module The MCP engine: server identity, the method tables of both eras, and the hooks a room plugs in.
 *
 * One engine serves every session and every modern request of a room; it never touches a socket or
 * storage itself.
 */
import type { ToolRegistry, CallToolResult } from "../tools/registry.ts";
import type { VariableStore } from "../tools/context.ts";
import type { Transport } from "./transport.ts";
import type { JSONRPCMessage, RequestId } from "../../shared/jsonrpc.ts";
import { TASKS_EXTENSION, VENDOR } from "../../shared/mcp.ts";
import type { SessionState } from "./session-state.ts";
import { McpSession } from "./session.ts";
import type { RequestContext } from "./context.ts";
import type { Caller } from "./caller.ts";
import type { Era } from "./era.ts";
import { coreMethods } from "./methods.ts";
import { legacyMethods } from "./legacy-methods.ts";
import { resourceMethods } from "./resource-methods.ts";
import { modernMethods } from "../modern/methods.ts";
import { Listens } from "../modern/listens.ts";
import type { Envelope } from "../modern/ladder.ts";
import type { RequestStateCodec } from "../modern/request-state.ts";
import type { ResourceRegistry } from "../resources/registry.ts";
import type { PromptRegistry } from "../prompts/registry.ts";
import type { TaskHost } from "../tasks/task-host.ts";
import { taskMethods } from "../tasks/methods.ts";

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

/** What the engine may ask of the room it serves (absent for the stateless front of `/mcp`). */
export type RoomHooks = {
  /** Kept room events after a seq, as JSON, oldest first (a listen that asks for `since`). */
  eventsSince(since: number): Iterable<string>;
  /**
   * A listen that follows the room (events or presence), not on a socket, opened or closed: a modern
   * participant over HTTP is present while it listens. `key` names that one listen.
   */
  listening?(key: string, caller: Caller, open: boolean): void;
};

export type EngineOptions = {
  serverInfo: Implementation;
  instructions?: string;
  tools: ToolRegistry;
  /** Tools per tools/list page. */
  pageSize: number;
  resources?: ResourceRegistry;
  prompts?: PromptRegistry;
  /** Whether the tool and prompt lists can change (modern listens are told; legacy sessions are not). */
  listChanged?: boolean;
  /** Listens the room holds open at once (each keeps it awake, like a socket). */
  maxListens?: number;
  /** The room's variables, which tools such as `evaluate` read and write. */
  variables: VariableStore;
  room?: RoomHooks;
  /** Seals MRTR request state; without it, modern requests cannot be asked for input. */
  requestState?: RequestStateCodec;
  /** Long work as tasks (the tasks extension). */
  tasks?: TaskHost;
  /** Called once per tools/call that ends, before its answer is sent: the room logs and broadcasts it here. */
  onToolCall?: (record: ToolCallRecord, caller: Caller) => void;
  /** Called whenever a session's protocol state changes, so it can be stored. */
  onSessionChange?: (state: SessionState) => void;
  /** Called after a session's initialize has been answered: from then on it is a participant. */
  onInitialized?: (session: McpSession) => void;
  /** Called when a socket session sends a modern request: the caller it stands for (a handle may change it). */
  modernCaller?: (session: McpSession, envelope: Envelope) => Promise<Caller>;
  /** The answer a session already got for a tools/call request id, if the room recorded one. */
  priorAnswer?: (sessionId: string, requestId: RequestId) => JSONRPCMessage | undefined;
};

export type MethodHandler = (params: Record<string, unknown>, context: RequestContext) => Promise<Record<string, unknown>>;

export class McpEngine {
  readonly options: EngineOptions;
  /** Open subscriptions/listen streams, on any transport. */
  readonly listens = new Listens();
  readonly #methods: Record<Era, Map<string, MethodHandler>>;
  /** Sessions subscribed to each resource URI (legacy resources/subscribe). */
  readonly #subscribers = new Map<string, Set<McpSession>>();

  constructor(options: EngineOptions) {
    this.options = options;
    const shared = { ...coreMethods(this), ...resourceMethods(this) };
    this.#methods = {
      legacy: new Map(Object.entries({ ...shared, ...legacyMethods(this) })),
      modern: new Map(Object.entries({ ...shared, ...modernMethods(this), ...(options.tasks ? taskMethods(options.tasks) : {}) })),
    };
  }

  /** What initialize advertises to a legacy session: exactly the features this engine was given. */
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

  /** What server/discover advertises: the same features, list changes, and the extensions served. */
  get modernCapabilities(): Record<string, unknown> {
    const { prompts, listChanged = false, tasks } = this.options;
    const capabilities = this.capabilities;
    return {
      ...capabilities,
      tools: { listChanged },
      ...(prompts ? { prompts: { listChanged } } : {}),
      extensions: { [VENDOR.roomExtension]: {}, ...(tasks ? { [TASKS_EXTENSION]: {} } : {}) },
    };
  }

  /**
   * Tells every session subscribed to `uri`, and every listen that asked for it, that it changed: the
   * notification is serialized once, and only subscribers are visited (not every live session).
   */
  resourceUpdated(uri: string): void {
    const subscribers = this.#subscribers.get(uri);
    if (subscribers?.size) {
      const frame = `{"jsonrpc":"2.0","method":"notifications/resources/updated","params":${JSON.stringify({ uri })}}`;
      for (const session of subscribers) session.sendRaw(frame);
    }
    this.listens.resourceUpdated(uri);
  }

  /** Indexes a session's resource subscriptions (when it is made, and whenever they change). */
  track(session: McpSession): void {
    for (const uri of session.state.subscriptions ?? []) {
      let subscribers = this.#subscribers.get(uri);
      if (!subscribers) this.#subscribers.set(uri, (subscribers = new Set()));
      subscribers.add(session);
    }
  }

  /** Forgets a session's subscriptions (they changed, or the session ended). */
  untrack(session: McpSession): void {
    for (const uri of session.state.subscriptions ?? []) {
      const subscribers = this.#subscribers.get(uri);
      subscribers?.delete(session);
      if (subscribers?.size === 0) this.#subscribers.delete(uri);
    }
  }

  /** Attaches a transport to a session with the given state; the transport is started. */
  connect(transport: Transport, state: SessionState): McpSession {
    const session = new McpSession(this, transport, state);
    void transport.start();
    return session;
  }

  method(name: string, era: Era = "legacy"): MethodHandler | undefined {
    return this.#methods[era].get(name);
  }
}
