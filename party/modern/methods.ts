/**
 * @module The methods only the modern era has: `server/discover` (what the server speaks and offers)
 * and `subscriptions/listen` (the one stream of change notifications, room events included).
 */
import * as z from "zod";
import { MODERN_PROTOCOL_VERSIONS, TASKS_EXTENSION, VENDOR } from "../../shared/mcp.ts";
import type { McpEngine, MethodHandler } from "../engine/engine.ts";
import { ErrorCode, McpError } from "../engine/errors.ts";
import { parse } from "../engine/params.ts";
import { declares, requiredCapabilities } from "./ladder.ts";
import { tagged } from "./listens.ts";
import type { ListenFilter } from "./listens.ts";
import type { RequestContext } from "../engine/context.ts";

const ListenParams = z.object({
  notifications: z.looseObject({
    toolsListChanged: z.boolean().optional(),
    promptsListChanged: z.boolean().optional(),
    resourcesListChanged: z.boolean().optional(),
    resourceSubscriptions: z.array(z.string().max(2048)).max(100).optional(),
    taskIds: z.array(z.string().max(300)).max(100).optional(),
    [VENDOR.roomEvents]: z.union([z.boolean(), z.object({ since: z.number().int().nonnegative() })]).optional(),
    [VENDOR.presence]: z.boolean().optional(),
  }),
});

const ended = (signal: AbortSignal) => new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve())));

export function modernMethods(engine: McpEngine): Record<string, MethodHandler> {
  return {
    async "server/discover"() {
      return {
        supportedVersions: [...MODERN_PROTOCOL_VERSIONS],
        capabilities: engine.modernCapabilities,
        ...(engine.options.instructions ? { instructions: engine.options.instructions } : {}),
      };
    },

    async "subscriptions/listen"(params, context) {
      const { notifications } = parse(ListenParams, params, "subscriptions/listen");
      if (notifications.taskIds && !declares(context.envelope!, `extensions.${TASKS_EXTENSION}`)) {
        throw new McpError(ErrorCode.MissingRequiredClientCapability, `Task notifications need the ${TASKS_EXTENSION} extension in this request's clientCapabilities`, {
          requiredCapabilities: requiredCapabilities(`extensions.${TASKS_EXTENSION}`),
        });
      }
      const max = engine.options.maxListens;
      if (max !== undefined && engine.listens.size >= max) {
        throw new McpError(ErrorCode.InvalidRequest, `This room holds ${max} listens already: try again later`);
      }
      const filter = honored(engine, notifications, context);
      const id = context.requestId;
      // The acknowledgment comes first; nothing of this stream may precede it.
      context.notify(tagged("notifications/subscriptions/acknowledged", id, JSON.stringify({ notifications: filter })));
      const events = filter[VENDOR.roomEvents];
      if (typeof events === "object") {
        for (const event of engine.options.room?.eventsSince(events.since) ?? []) context.notify(tagged("notifications/room/event", id, event));
      }
      // Replay and registration in one turn: no live event falls between them.
      const remove = engine.listens.add({ id, filter, send: (frame) => context.notify(frame), socket: context.connection });
      // Over HTTP a listener that follows the room is a participant while it listens (a socket's session already is).
      const present = !context.connection && (filter[VENDOR.roomEvents] !== undefined || filter[VENDOR.presence] !== undefined);
      const key = crypto.randomUUID();
      if (present) engine.options.room?.listening?.(key, context.caller, true);
      await ended(context.signal);
      remove();
      if (present) engine.options.room?.listening?.(key, context.caller, false);
      return {};
    },
  };
}

/** The part of a filter this server honors: unsupported kinds and unknown names are left out. */
function honored(engine: McpEngine, asked: z.output<typeof ListenParams>["notifications"], context: RequestContext): ListenFilter {
  const filter: ListenFilter = {};
  const { listChanged, resources, room, tasks } = engine.options;
  if (asked.toolsListChanged && listChanged) filter.toolsListChanged = true;
  if (asked.promptsListChanged && listChanged && engine.options.prompts) filter.promptsListChanged = true;
  const uris = asked.resourceSubscriptions?.filter((uri) => resources?.has(uri));
  if (uris?.length) filter.resourceSubscriptions = [...new Set(uris)];
  const taskIds = asked.taskIds?.filter((taskId) => tasks?.visible(taskId, context.caller));
  if (taskIds?.length) filter.taskIds = taskIds;
  if (room) {
    const events = asked[VENDOR.roomEvents];
    if (events) filter[VENDOR.roomEvents] = events === true ? true : { since: events.since };
    if (asked[VENDOR.presence]) filter[VENDOR.presence] = true;
  }
  return filter;
}
