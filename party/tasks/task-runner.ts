/**
 * @module The room's tasks (the tasks extension): each runs its tool in the room, may wait for input
 * (`input_required`, answered by tasks/update), can be cancelled, and ends as exactly one event in the
 * room log, written in the same turn as its final status. Kept in SQLite; work lost with an evicted
 * instance runs again when the room wakes.
 */
import type { RequestId } from "../../shared/jsonrpc.ts";
import type { CallToolResult } from "../tools/registry.ts";
import { InputRequired } from "../tools/interrupt.ts";
import type { InputRequests, InputResponses } from "../tools/interrupt.ts";
import { ModernInput } from "../modern/input.ts";
import type { Caller } from "../engine/caller.ts";
import { principalOf } from "../engine/caller.ts";
import { ErrorCode, McpError } from "../engine/errors.ts";
import type { CallOutcome } from "../engine/tool-call.ts";
import { randomToken } from "../ids.ts";
import { isTerminal } from "../log/task-store.ts";
import type { TaskRecord, TaskStore } from "../log/task-store.ts";
import type { TaskHost, TaskStart } from "./task-host.ts";
import { detailedTask, taskHandle } from "./task-shapes.ts";

export type TaskRunnerOptions = {
  room: string;
  store: TaskStore;
  /** Runs the task's tool (writing its event, and telling `settled` in the same turn). */
  execute(task: TaskRecord, context: { signal: AbortSignal; ask(requests: InputRequests): Promise<InputResponses> }, settled: (outcome: CallOutcome) => void): Promise<CallToolResult | undefined>;
  /** Writes the event of a task that ends without running (cancelled while it waited for input). */
  record(task: TaskRecord, error: { message: string; code?: number }): void;
  /** A task changed (a listen may follow it): its DetailedTask as JSON. */
  changed(taskId: string, detailedJson: string): void;
  /** A socket request started a task (a retransmission of it is answered with the task). */
  started?(sessionId: string, requestId: RequestId): void;
  /** Work is going on: the room should wake (an alarm) to finish it, even if evicted meanwhile. */
  keepAlive(): void;
};

const TTL_MS = 60 * 60_000;
const POLL_INTERVAL_MS = 1000;
const notFound = (taskId: string) => new McpError(ErrorCode.InvalidParams, `Failed to retrieve task: no task ${taskId} (unknown, expired, or not yours)`);

export class TaskRunner implements TaskHost {
  readonly #options: TaskRunnerOptions;
  readonly #running = new Map<string, AbortController>();

  constructor(options: TaskRunnerOptions) {
    this.#options = options;
  }

  start({ tool, arguments: args, caller, answers, requestId }: TaskStart): Record<string, unknown> {
    const now = Date.now();
    const { sessionId, handle: _handle, ...owner } = caller;
    const task: TaskRecord = {
      id: `${this.#options.room}.${randomToken()}`,
      status: "working",
      createdAt: now,
      updatedAt: now,
      ttlMs: TTL_MS,
      tool,
      arguments: args,
      caller: owner,
      answers,
      outstanding: {},
      ...(sessionId ? { origin: { sessionId, requestId } } : {}),
    };
    this.#options.store.prune(now);
    // Written before the answer leaves (the output gate): a tasks/get right after it finds the task.
    this.#options.store.save(task);
    if (task.origin) this.#options.started?.(task.origin.sessionId, task.origin.requestId);
    void this.#run(task.id);
    return { resultType: "task", ...taskHandle(task, POLL_INTERVAL_MS) };
  }

  get(taskId: string, caller: Caller): Record<string, unknown> {
    return detailedTask(this.#own(taskId, caller), POLL_INTERVAL_MS);
  }

  update(taskId: string, responses: InputResponses, caller: Caller): void {
    const task = this.#own(taskId, caller);
    if (task.status !== "input_required") return;
    const answered = Object.keys(responses).filter((key) => key in task.outstanding);
    if (answered.length === 0) return;
    for (const key of answered) {
      task.answers[key] = responses[key]!;
      delete task.outstanding[key];
    }
    const resumes = Object.keys(task.outstanding).length === 0;
    this.#save({ ...task, ...(resumes ? { status: "working", statusMessage: undefined } : {}) });
    if (resumes) void this.#run(task.id);
  }

  cancel(taskId: string, caller: Caller): void {
    const task = this.#own(taskId, caller);
    if (isTerminal(task.status)) return;
    const running = this.#running.get(taskId);
    if (running) return running.abort("cancelled by the caller");
    // Waiting for input: nothing runs, so it ends here, with its one event.
    this.#options.record(task, { message: "cancelled by the caller" });
    this.#save({ ...task, status: "cancelled", statusMessage: "cancelled by the caller", outstanding: {} });
  }

  visible(taskId: string, caller: Caller): boolean {
    const task = this.#options.store.get(taskId);
    return task !== undefined && principalOf(task.caller) === principalOf(caller);
  }

  /** The task a socket request started, as its CreateTaskResult (a retransmission's answer). */
  startedBy(sessionId: string, requestId: string | number): Record<string, unknown> | undefined {
    const task = this.#options.store.startedBy(sessionId, requestId);
    return task ? { resultType: "task", ...taskHandle(task, POLL_INTERVAL_MS) } : undefined;
  }

  /** Runs again the tasks whose work an earlier instance of the room did not finish. */
  resume(): void {
    this.#options.store.prune();
    for (const id of this.#options.store.working()) if (!this.#running.has(id)) void this.#run(id);
  }

  get busy(): boolean {
    return this.#running.size > 0;
  }

  #own(taskId: string, caller: Caller): TaskRecord {
    const task = this.#options.store.get(taskId);
    if (!task || principalOf(task.caller) !== principalOf(caller)) throw notFound(taskId);
    if (task.createdAt + task.ttlMs < Date.now()) throw new McpError(ErrorCode.InvalidParams, `Failed to retrieve task: task ${taskId} has expired`);
    return task;
  }

  async #run(id: string): Promise<void> {
    const task = this.#options.store.get(id);
    if (!task || task.status !== "working" || this.#running.has(id)) return;
    const controller = new AbortController();
    this.#running.set(id, controller);
    this.#options.keepAlive();
    // Input the task already has is answered at once; anything else parks it as input_required.
    const { ask } = new ModernInput({ clientCapabilities: task.caller.capabilities }, task.answers);
    const settled = (outcome: CallOutcome) => {
      const end: Partial<TaskRecord> =
        "result" in outcome
          ? { status: "completed", result: outcome.result }
          : "error" in outcome
            ? { status: "failed", error: outcome.error, statusMessage: outcome.error.message }
            : { status: "cancelled", statusMessage: "cancelled by the caller" };
      this.#save({ ...task, ...end });
    };
    try {
      await this.#options.execute(task, { signal: controller.signal, ask }, settled);
    } catch (error) {
      if (error instanceof InputRequired) {
        const keys = Object.keys(error.requests);
        this.#save({ ...task, status: "input_required", outstanding: error.requests, statusMessage: `waiting for input: ${keys.join(", ")}` });
      } else if (!isTerminal(this.#options.store.get(id)?.status ?? "working")) {
        console.error(`task ${task.tool} failed:`, error);
        const failure = { code: ErrorCode.InternalError, message: "Internal error" };
        this.#options.record(task, failure);
        this.#save({ ...task, status: "failed", error: failure, statusMessage: failure.message });
      }
    } finally {
      this.#running.delete(id);
    }
  }

  #save(task: TaskRecord): void {
    const saved = { ...task, updatedAt: Date.now() };
    this.#options.store.save(saved);
    this.#options.changed(saved.id, JSON.stringify(detailedTask(saved, POLL_INTERVAL_MS)));
  }
}
