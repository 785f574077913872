/**
 * @module The room's tasks in its SQLite storage: they outlive the instance that started them (a room
 * evicted or restarted mid-task runs the work again when it wakes; its event is written once).
 */
import type { RequestId } from "../../shared/jsonrpc.ts";
import type { Caller } from "../engine/caller.ts";
import type { InputRequests, InputResponses } from "../tools/interrupt.ts";

export type TaskStatus = "working" | "input_required" | "completed" | "failed" | "cancelled";

export type TaskRecord = {
  id: string;
  status: TaskStatus;
  statusMessage?: string;
  createdAt: number;
  updatedAt: number;
  ttlMs: number;
  tool: string;
  arguments: Record<string, unknown>;
  /** Who started it (without its socket session: a task's event is its own). */
  caller: Omit<Caller, "sessionId" | "handle">;
  answers: InputResponses;
  /** Input the task waits for (status input_required). */
  outstanding: InputRequests;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
  /** The socket request that started it, which a retransmission is answered from. */
  origin?: { sessionId: string; requestId: RequestId };
};

export const isTerminal = (status: TaskStatus) => status === "completed" || status === "failed" || status === "cancelled";

export class TaskStore {
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    sql.exec(
      "CREATE TABLE IF NOT EXISTS tasks (id TEXT PRIMARY KEY, status TEXT NOT NULL, expires_at INTEGER NOT NULL, origin TEXT, body TEXT NOT NULL)",
    );
    sql.exec("CREATE INDEX IF NOT EXISTS tasks_by_origin ON tasks (origin) WHERE origin IS NOT NULL");
  }

  get(id: string): TaskRecord | undefined {
    const row = this.#sql.exec<{ body: string }>("SELECT body FROM tasks WHERE id = ?", id).toArray()[0];
    return row ? (JSON.parse(row.body) as TaskRecord) : undefined;
  }

  save(task: TaskRecord): void {
    const origin = task.origin ? JSON.stringify([task.origin.sessionId, task.origin.requestId]) : null;
    this.#sql.exec(
      "INSERT INTO tasks (id, status, expires_at, origin, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status, body = excluded.body",
      task.id,
      task.status,
      task.createdAt + task.ttlMs,
      origin,
      JSON.stringify(task),
    );
  }

  /** The task a socket request started, if any. */
  startedBy(sessionId: string, requestId: RequestId): TaskRecord | undefined {
    const row = this.#sql.exec<{ body: string }>("SELECT body FROM tasks WHERE origin = ?", JSON.stringify([sessionId, requestId])).toArray()[0];
    return row ? (JSON.parse(row.body) as TaskRecord) : undefined;
  }

  /** The request ids (as JSON) of a session's requests that started a task still kept. */
  startedIn(sessionId: string): string[] {
    const rows = this.#sql.exec<{ origin: string }>("SELECT origin FROM tasks WHERE origin IS NOT NULL").toArray();
    return rows.map((r) => JSON.parse(r.origin) as [string, RequestId]).filter(([session]) => session === sessionId).map(([, requestId]) => JSON.stringify(requestId));
  }

  /** Tasks whose work was going on (to run again after the room woke). */
  working(): string[] {
    return this.#sql.exec<{ id: string }>("SELECT id FROM tasks WHERE status = 'working'").toArray().map((r) => r.id);
  }

  /** Forgets tasks past their time to live. */
  prune(now = Date.now()): void {
    this.#sql.exec("DELETE FROM tasks WHERE expires_at < ?", now);
  }
}
