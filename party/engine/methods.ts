/**
 * @module The core MCP methods: lifecycle, ping, tools, logging. Params are validated here, at the edge.
 */
import { z } from "zod";
import { LOGGING_LEVELS, SUPPORTED_PROTOCOL_VERSIONS, LATEST_PROTOCOL_VERSION } from "../../shared/mcp.ts";
import { ErrorCode, McpError } from "./errors.ts";
import type { McpEngine, MethodHandler } from "./engine.ts";
import { parse } from "./params.ts";

const InitializeParams = z.object({
  protocolVersion: z.string(),
  capabilities: z.record(z.string(), z.unknown()),
  clientInfo: z.looseObject({ name: z.string(), version: z.string(), title: z.string().optional() }),
});
const ListParams = z.object({ cursor: z.string().optional() });
const CallParams = z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()).optional() });
const SetLevelParams = z.object({ level: z.enum(LOGGING_LEVELS) });

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
    async initialize(params, { session }) {
      if (session.state.initialized) {
        throw new McpError(ErrorCode.InvalidRequest, "Session already initialized: initialize is sent once per session");
      }
      const { protocolVersion, capabilities, clientInfo } = parse(InitializeParams, params, "initialize");
      const version = (SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(protocolVersion)
        ? protocolVersion
        : LATEST_PROTOCOL_VERSION;
      session.update({
        initialized: true,
        protocolVersion: version,
        clientInfo: { name: clientInfo.name.slice(0, 200), version: clientInfo.version.slice(0, 100) },
        clientCapabilities: capabilities,
        name: session.state.name === "anonymous" ? clientInfo.name.slice(0, 100) || "anonymous" : session.state.name,
      });
      return {
        protocolVersion: version,
        capabilities: engine.capabilities,
        serverInfo: engine.options.serverInfo,
        ...(engine.options.instructions ? { instructions: engine.options.instructions } : {}),
      };
    },

    async ping() {
      return {};
    },

    async "tools/list"(params) {
      const { cursor } = parse(ListParams, params, "tools/list");
      const offset = decodeCursor(cursor);
      const all = tools.list();
      const end = offset + engine.options.pageSize;
      return { tools: all.slice(offset, end), ...(end < all.length ? { nextCursor: encodeCursor(end) } : {}) };
    },

    async "tools/call"(params, { session, requestId, signal, progress, log, request, closeStream }) {
      const { name, arguments: args = {} } = parse(CallParams, params, "tools/call");
      if (session.state.access === "read") {
        throw new McpError(ErrorCode.Forbidden, "Read-only: this is a viewer link; it shows the log and who is here, but cannot call tools");
      }
      const record = { requestId, tool: name, arguments: args };
      try {
        const room = { variables: engine.options.variables, participant: session.state.name };
        const result = await tools.call(name, args, { signal, progress, log, request, closeStream, room });
        if (signal.aborted) {
          engine.options.onToolCall?.({ ...record, error: { message: "cancelled by the caller" } }, session);
          return {};
        }
        const error = result.isError ? { message: result.content[0]?.text ?? "failed" } : undefined;
        engine.options.onToolCall?.(error ? { ...record, error } : { ...record, result }, session);
        log("debug", { tool: name, ok: !result.isError });
        return result;
      } catch (error) {
        if (error instanceof McpError) {
          engine.options.onToolCall?.({ ...record, error: { message: error.message, code: error.code } }, session);
        }
        throw error;
      }
    },

    async "logging/setLevel"(params, { session }) {
      const { level } = parse(SetLevelParams, params, "logging/setLevel");
      session.update({ logLevel: level });
      return {};
    },
  };
}
