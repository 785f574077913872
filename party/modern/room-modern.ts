/**
 * @module What a room adds for modern clients: the keys that seal their request state and sign their
 * participant handles, who each modern request stands for, the room's tasks, and presence for modern
 * participants (a socket that sends modern requests, an HTTP client listening to the room).
 */
import type { JSONRPCMessage, RequestId } from "../../shared/jsonrpc.ts";
import { VENDOR } from "../../shared/mcp.ts";
import type { Caller } from "../engine/caller.ts";
import type { McpEngine, ToolCallRecord } from "../engine/engine.ts";
import { ErrorCode, McpError } from "../engine/errors.ts";
import type { McpSession } from "../engine/session.ts";
import { runTool } from "../engine/tool-call.ts";
import { singleRequests } from "../engine/context.ts";
import { ACCESS_HEADER, CLIENT_HEADER } from "../http/access.ts";
import type { ModernHttpHost } from "../http/modern-http.ts";
import { roomSecret } from "../log/room-secret.ts";
import { TaskStore } from "../log/task-store.ts";
import type { Presence } from "../presence.ts";
import { TaskRunner } from "../tasks/task-runner.ts";
import { ParticipantHandles } from "./handles.ts";
import type { Envelope } from "./ladder.ts";
import { RequestStateCodec } from "./request-state.ts";
import { RoomCallers } from "./room-callers.ts";
import { deriveKeys } from "./secrets.ts";
import type { Keys } from "./secrets.ts";

export type RoomModernOptions = {
  room: string;
  sql: SqlStorage;
  /** STATE_SECRET, when the deployment sets one; else the room makes and keeps its own. */
  secret: string | undefined;
  engine: () => McpEngine;
  presence: Presence;
  /** Writes an event to the room log (a task that ends without running). */
  record(record: ToolCallRecord, caller: Caller): void;
  /** Work is going on: wake the room to finish it (an alarm). */
  keepAlive(): void;
  /** A socket request started a task. */
  taskStarted(sessionId: string, requestId: RequestId): void;
};

export class RoomModern {
  readonly tasks: TaskRunner;
  readonly #options: RoomModernOptions;
  readonly #callers: RoomCallers;
  readonly #codec: RequestStateCodec;
  readonly #store: TaskStore;
  #keys?: Promise<Keys>;

  constructor(options: RoomModernOptions) {
    this.#options = options;
    const { room, sql } = options;
    // The room's own secret is made (and stored) only when a modern client first needs one.
    const keys = () => (this.#keys ??= deriveKeys(options.secret ?? roomSecret(sql)));
    this.#codec = new RequestStateCodec(room, async () => (await keys()).state);
    this.#callers = new RoomCallers(new ParticipantHandles(room, async () => (await keys()).handles));
    this.#store = new TaskStore(sql);
    this.tasks = new TaskRunner({
      room,
      store: this.#store,
      execute: (task, { signal, ask }, settled) =>
        runTool(options.engine(), { name: task.tool, args: task.arguments, caller: task.caller, requestId: `task:${task.id}`, settled }, {
          signal,
          ask,
          request: singleRequests(ask),
          // A task's progress and logs have no request stream to go to; its status says how it goes.
          progress: () => {},
          log: () => {},
          closeStream: () => {},
          background: async () => {},
        }),
      record: (task, error) => options.record({ requestId: `task:${task.id}`, tool: task.tool, arguments: task.arguments, error }, task.caller),
      changed: (taskId, json) => options.engine().listens.task(taskId, json),
      keepAlive: options.keepAlive,
      started: options.taskStarted,
    });
  }

  get engineOptions(): { requestState: RequestStateCodec; tasks: TaskRunner } {
    return { requestState: this.#codec, tasks: this.tasks };
  }

  /** Streamable HTTP for modern requests in this room; on `/mcp`, results name the room (its handle). */
  httpHost(viaMcp: boolean, rateLimit: (key: string) => number): ModernHttpHost {
    const room = this.#options.room;
    return {
      engine: this.#options.engine(),
      caller: async (request, envelope) => {
        const access = request.headers.get(ACCESS_HEADER);
        if (access !== "read" && access !== "write") throw new McpError(ErrorCode.InvalidRequest, "Forbidden: this room needs a key (?key= or Mcp-Room-Key)");
        return this.#callers.http(access, envelope);
      },
      // No session to count by: a modern client is counted by where it calls from.
      rateLimit: (request) => rateLimit(`modern:${request.headers.get(CLIENT_HEADER) ?? "unknown"}`),
      ...(viaMcp ? { decorate: (result: Record<string, unknown>) => void (result._meta = { ...(result._meta as object), [VENDOR.room]: room }) } : {}),
    };
  }

  /** A modern frame on a socket; the first one makes the socket's session a participant. */
  async socketCaller(session: McpSession, envelope: Envelope, attached: boolean): Promise<Caller> {
    if (!session.state.modern) {
      const { name, clientInfo } = session.state;
      const info = envelope.clientInfo;
      session.update({
        modern: true,
        ...(name === "anonymous" && info ? { name: info.name.slice(0, 100) || "anonymous" } : {}),
        ...(!clientInfo && info ? { clientInfo: { name: info.name.slice(0, 200), version: (info.version ?? "").slice(0, 100) } } : {}),
      });
      if (attached) this.#options.presence.join(session.state);
    }
    return this.#callers.socket(session, envelope);
  }

  /** An HTTP listen that follows the room: present while it is open. */
  listening(key: string, caller: Caller, open: boolean): void {
    if (!open) return this.#options.presence.leave(key);
    this.#options.presence.enter(key, {
      id: caller.participant ?? key.slice(0, 12),
      name: caller.name,
      kind: "http",
      ...(caller.clientInfo ? { client: caller.clientInfo.name } : {}),
    });
  }

  /** The request ids (JSON) of a session's requests that started a task still kept. */
  tasksStartedIn(sessionId: string): string[] {
    return this.#store.startedIn(sessionId);
  }

  /** A retransmitted tools/call that had started a task is answered with that task again. */
  taskAnswer(sessionId: string, requestId: RequestId): JSONRPCMessage | undefined {
    const result = this.tasks.startedBy(sessionId, requestId);
    return result ? { jsonrpc: "2.0", id: requestId, result } : undefined;
  }
}
