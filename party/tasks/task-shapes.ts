/**
 * @module A task as the wire shows it (tasks extension): the handle a CreateTaskResult carries, and the
 * DetailedTask of tasks/get and notifications/tasks, with what its status adds (the outstanding input,
 * the result, or the error) and nothing else.
 */
import type { TaskRecord } from "../log/task-store.ts";

export function taskHandle(task: TaskRecord, pollIntervalMs: number): Record<string, unknown> {
  return {
    taskId: task.id,
    status: task.status,
    ...(task.statusMessage ? { statusMessage: task.statusMessage } : {}),
    createdAt: new Date(task.createdAt).toISOString(),
    lastUpdatedAt: new Date(task.updatedAt).toISOString(),
    ttlMs: task.ttlMs,
    pollIntervalMs,
  };
}

export function detailedTask(task: TaskRecord, pollIntervalMs: number): Record<string, unknown> {
  const handle = taskHandle(task, pollIntervalMs);
  switch (task.status) {
    case "input_required":
      return { ...handle, inputRequests: task.outstanding };
    case "completed":
      return { ...handle, result: task.result };
    case "failed":
      return { ...handle, error: task.error };
    default:
      return handle;
  }
}
