/**
 * @module tasks/get, tasks/update and tasks/cancel: only for requests that declare the tasks extension,
 * and only on the caller's own tasks. (tasks/result and tasks/list are gone: unknown methods.)
 */
import * as z from "zod";
import { TASKS_EXTENSION } from "../../shared/mcp.ts";
import type { RequestContext } from "../engine/context.ts";
import type { MethodHandler } from "../engine/engine.ts";
import { ErrorCode, McpError } from "../engine/errors.ts";
import { parse } from "../engine/params.ts";
import { declares, requiredCapabilities } from "../modern/ladder.ts";
import type { TaskHost } from "./task-host.ts";

const TaskParams = z.object({ taskId: z.string().min(1).max(300) });
const UpdateParams = TaskParams.extend({ inputResponses: z.record(z.string(), z.record(z.string(), z.unknown())) });

function requireExtension(context: RequestContext, method: string): void {
  if (context.envelope && declares(context.envelope, `extensions.${TASKS_EXTENSION}`)) return;
  throw new McpError(ErrorCode.MissingRequiredClientCapability, `${method} needs the ${TASKS_EXTENSION} extension in this request's clientCapabilities`, {
    requiredCapabilities: requiredCapabilities(`extensions.${TASKS_EXTENSION}`),
  });
}

export function taskMethods(tasks: TaskHost): Record<string, MethodHandler> {
  return {
    async "tasks/get"(params, context) {
      requireExtension(context, "tasks/get");
      return tasks.get(parse(TaskParams, params, "tasks/get").taskId, context.caller);
    },
    async "tasks/update"(params, context) {
      requireExtension(context, "tasks/update");
      const { taskId, inputResponses } = parse(UpdateParams, params, "tasks/update");
      tasks.update(taskId, inputResponses, context.caller);
      return {};
    },
    async "tasks/cancel"(params, context) {
      requireExtension(context, "tasks/cancel");
      tasks.cancel(parse(TaskParams, params, "tasks/cancel").taskId, context.caller);
      return {};
    },
  };
}
