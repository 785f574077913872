/**
 * @module The stateless front of `/mcp` for modern requests that name no room: server/discover, the
 * lists, reads, prompts and completion are answered here, in the Worker, without touching any room's
 * storage (reads see an empty room). A tools/call opens a room instead (see worker.ts).
 */
import type { Caller } from "./engine/caller.ts";
import { McpEngine } from "./engine/engine.ts";
import { ErrorCode, McpError } from "./engine/errors.ts";
import type { ModernHttpHost } from "./http/modern-http.ts";
import { RequestStateCodec } from "./modern/request-state.ts";
import { deriveKeys } from "./modern/secrets.ts";
import { randomToken } from "./ids.ts";
import type { LogReader } from "./profile.ts";
import type { TaskHost } from "./tasks/task-host.ts";
import type { Variable, VariableStore } from "./tools/context.ts";
import { mathProfile } from "./server-info.ts";
import { roomConfig } from "./config.ts";

const EMPTY_LOG: LogReader = { firstSeq: null, lastSeq: 0, recent: () => [], page: () => [] };

const NO_VARIABLES: VariableStore = {
  list: (): Variable[] => [],
  get: () => undefined,
  set: () => {
    throw new McpError(ErrorCode.InvalidRequest, "No room here: variables belong to a room");
  },
  delete: () => false,
  clear: () => 0,
};

/** Tasks live in rooms: here every task id is unknown (a task id that names its room is routed there). */
const NO_TASKS: TaskHost = {
  start: () => {
    throw new McpError(ErrorCode.InternalError, "Tasks run in rooms");
  },
  get: (taskId) => {
    throw new McpError(ErrorCode.InvalidParams, `Failed to retrieve task: no task ${taskId}`);
  },
  update: (taskId) => {
    throw new McpError(ErrorCode.InvalidParams, `No task ${taskId}`);
  },
  cancel: (taskId) => {
    throw new McpError(ErrorCode.InvalidParams, `No task ${taskId}`);
  },
  visible: () => false,
};

let front: McpEngine | undefined;

/** One front per isolate: the math service's tools, prompts and resources, on an empty room. */
export function frontHost(env: Env): ModernHttpHost {
  front ??= new McpEngine({
    serverInfo: mathProfile.serverInfo,
    ...(mathProfile.instructions ? { instructions: mathProfile.instructions } : {}),
    tools: mathProfile.tools,
    ...(mathProfile.prompts ? { prompts: mathProfile.prompts } : {}),
    ...(mathProfile.resources ? { resources: mathProfile.resources({ room: null, log: EMPTY_LOG, variables: NO_VARIABLES, participants: () => [] }) } : {}),
    pageSize: roomConfig(env).toolsPageSize,
    variables: NO_VARIABLES,
    // Without STATE_SECRET, state sealed here opens only in this isolate (math prompts never ask for input).
    requestState: new RequestStateCodec("", frontKey(env)),
    tasks: NO_TASKS,
  });
  return {
    engine: front,
    caller: async (_request, envelope): Promise<Caller> => ({
      name: envelope.clientInfo?.name.slice(0, 100) || "anonymous",
      access: "write",
      capabilities: envelope.clientCapabilities,
    }),
  };
}

function frontKey(env: Env): () => Promise<CryptoKey> {
  let key: Promise<CryptoKey> | undefined;
  return async () => (await (key ??= deriveKeys(env.STATE_SECRET ?? randomToken(32)).then((keys) => keys.state)));
}
