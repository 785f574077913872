/**
 * @module The methods only a legacy session has (2025-11-25 and earlier): the initialize handshake,
 * ping, a session-wide log level, and resource subscriptions held by the session.
 */
import * as z from "zod";
import { LOGGING_LEVELS, SUPPORTED_PROTOCOL_VERSIONS, LATEST_PROTOCOL_VERSION } from "../../shared/mcp.ts";
import { ErrorCode, McpError } from "./errors.ts";
import type { McpEngine, MethodHandler } from "./engine.ts";
import { parse } from "./params.ts";

const InitializeParams = z.object({
  protocolVersion: z.string(),
  capabilities: z.record(z.string(), z.unknown()),
  clientInfo: z.looseObject({ name: z.string(), version: z.string(), title: z.string().optional() }),
});
const SetLevelParams = z.object({ level: z.enum(LOGGING_LEVELS) });
const UriParams = z.object({ uri: z.string().min(1).max(2048) });

export function legacyMethods(engine: McpEngine): Record<string, MethodHandler> {
  const { resources } = engine.options;
  const methods: Record<string, MethodHandler> = {
    async initialize(params, { session }) {
      if (session!.state.initialized) {
        throw new McpError(ErrorCode.InvalidRequest, "Session already initialized: initialize is sent once per session");
      }
      const { protocolVersion, capabilities, clientInfo } = parse(InitializeParams, params, "initialize");
      const version = (SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(protocolVersion) ? protocolVersion : LATEST_PROTOCOL_VERSION;
      session!.update({
        initialized: true,
        protocolVersion: version,
        clientInfo: { name: clientInfo.name.slice(0, 200), version: clientInfo.version.slice(0, 100) },
        clientCapabilities: capabilities,
        name: session!.state.name === "anonymous" ? clientInfo.name.slice(0, 100) || "anonymous" : session!.state.name,
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

    async "logging/setLevel"(params, { session }) {
      const { level } = parse(SetLevelParams, params, "logging/setLevel");
      session!.update({ logLevel: level });
      return {};
    },
  };
  if (resources) {
    methods["resources/subscribe"] = async (params, { session }) => {
      const { uri } = parse(UriParams, params, "resources/subscribe");
      if (!resources.has(uri)) throw new McpError(ErrorCode.ResourceNotFound, `Resource not found: ${uri}`, { uri });
      const current = session!.state.subscriptions ?? [];
      if (!current.includes(uri)) session!.update({ subscriptions: [...current, uri].slice(-100) });
      return {};
    };
    methods["resources/unsubscribe"] = async (params, { session }) => {
      const { uri } = parse(UriParams, params, "resources/unsubscribe");
      session!.update({ subscriptions: (session!.state.subscriptions ?? []).filter((u) => u !== uri) });
      return {};
    };
  }
  return methods;
}
