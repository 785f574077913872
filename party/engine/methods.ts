/**
 * @module The methods both eras share: tools/list and tools/call. Params are validated here, at the edge.
 */
import * as z from "zod";
import { ErrorCode, McpError } from "./errors.ts";
import type { McpEngine, MethodHandler } from "./engine.ts";
import { parse } from "./params.ts";
import { callTool } from "./tool-call.ts";

const ListParams = z.object({ cursor: z.string().optional() });

/** Cursors are opaque to clients: a base64 offset into the tool list. */
const encodeCursor = (offset: number) => btoa(`tools:${offset}`);
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^tools:(\d+)$/.exec(safeAtob(cursor));
  if (!match) throw new McpError(ErrorCode.InvalidParams, "Invalid cursor: pass back a nextCursor from tools/list unchanged");
  return Number(match[1]);
}
function safeAtob(text: string): string {
  try {
    return atob(text);
  } catch {
    return "";
  }
}

export function coreMethods(engine: McpEngine): Record<string, MethodHandler> {
  const { tools } = engine.options;
  return {
    async "tools/list"(params) {
      const { cursor } = parse(ListParams, params, "tools/list");
      const offset = decodeCursor(cursor);
      const all = tools.list();
      const end = offset + engine.options.pageSize;
      return { tools: all.slice(offset, end), ...(end < all.length ? { nextCursor: encodeCursor(end) } : {}) };
    },

    "tools/call": (params, context) => callTool(engine, params, context),
  };
}
