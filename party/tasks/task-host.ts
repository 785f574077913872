/**
 * @module What the engine asks of the room's tasks (the tasks extension, `io.modelcontextprotocol/tasks`):
 * start one for a tools/call, and answer tasks/get, tasks/update and tasks/cancel for its owner.
 */
import type { Caller } from "../engine/caller.ts";
import type { InputResponses } from "../tools/interrupt.ts";
import type { RequestId } from "../../shared/jsonrpc.ts";

export type TaskStart = {
  tool: string;
  arguments: Record<string, unknown>;
  caller: Caller;
  /** Answers gathered by multi round-trip requests before the call went async. */
  answers: InputResponses;
  /** The request that started it: a retransmission on the same socket session is answered with this task. */
  requestId: RequestId;
};

export interface TaskHost {
  /** Creates the task durably (a tasks/get for it resolves at once), starts it, and answers its CreateTaskResult. */
  start(call: TaskStart): Record<string, unknown>;
  /** The task as tasks/get shows it; -32602 for a task that does not exist (or is not the caller's). */
  get(taskId: string, caller: Caller): Record<string, unknown>;
  /** Answers to the task's outstanding input requests; unknown keys are ignored. */
  update(taskId: string, responses: InputResponses, caller: Caller): void;
  /** Asks the task to stop; a finished task stays as it ended. */
  cancel(taskId: string, caller: Caller): void;
  /** Whether the caller may follow the task (a listen's taskIds). */
  visible(taskId: string, caller: Caller): boolean;
}
