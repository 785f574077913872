/**
 * @module The first rungs of the modern era's validation ladder, before any method runs: the request's
 * `_meta` envelope (-32602) and its protocol version (-32022). Pure functions; the HTTP binding adds its
 * header rungs (-32020) between them, in the order the spec's conformance suite checks them.
 */
import * as z from "zod";
import { ErrorCode } from "../../shared/jsonrpc.ts";
import { LOGGING_LEVELS, META, MODERN_PROTOCOL_VERSIONS } from "../../shared/mcp.ts";
import type { LoggingLevel } from "../../shared/mcp.ts";

/** What a modern request says about itself, read from its `_meta`. */
export type Envelope = {
  protocolVersion: string;
  /** The capabilities this one request may use (`{}`: none). */
  clientCapabilities: Record<string, unknown>;
  clientInfo?: { name: string; version?: string; title?: string };
  /** Without it, the request gets no `notifications/message` at all. */
  logLevel?: LoggingLevel;
  /** The whole `_meta` (progress token, vendor keys). */
  meta: Record<string, unknown>;
};

/** Why a request is refused before it runs: a JSON-RPC error, and the HTTP status it takes on HTTP. */
export type Refusal = { status: number; code: ErrorCode; message: string; data?: unknown };

const Meta = z.record(z.string(), z.unknown());
const ClientInfo = z.looseObject({ name: z.string().max(200), version: z.string().max(100).optional(), title: z.string().max(200).optional() });

const refuse = (status: number, code: ErrorCode, message: string, data?: unknown): Refusal =>
  data === undefined ? { status, code, message } : { status, code, message, data };
const invalid = (message: string) => refuse(400, ErrorCode.InvalidParams, `Invalid params: ${message}`);

/** Reads the envelope of a modern request's params, or says which required field is missing or wrong. */
export function readEnvelope(params: unknown): Envelope | Refusal {
  const meta = Meta.safeParse((params as { _meta?: unknown } | undefined)?._meta);
  if (!meta.success) return invalid(`a ${MODERN_PROTOCOL_VERSIONS[0]} request carries params._meta with ${META.protocolVersion} and ${META.clientCapabilities}`);
  const fields = meta.data;
  const protocolVersion = fields[META.protocolVersion];
  if (typeof protocolVersion !== "string") return invalid(`_meta.${META.protocolVersion} is required (a string such as "${MODERN_PROTOCOL_VERSIONS[0]}")`);
  const capabilities = Meta.safeParse(fields[META.clientCapabilities]);
  if (!capabilities.success) return invalid(`_meta.${META.clientCapabilities} is required (an object; {} declares none)`);
  const envelope: Envelope = { protocolVersion, clientCapabilities: capabilities.data, meta: fields };
  if (fields[META.clientInfo] !== undefined) {
    const info = ClientInfo.safeParse(fields[META.clientInfo]);
    if (!info.success) return invalid(`_meta.${META.clientInfo} must be {name, version}`);
    envelope.clientInfo = info.data;
  }
  const level = fields[META.logLevel];
  if (level !== undefined) {
    if (!(LOGGING_LEVELS as readonly unknown[]).includes(level)) return invalid(`_meta.${META.logLevel} must be one of ${LOGGING_LEVELS.join(", ")}`);
    envelope.logLevel = level as LoggingLevel;
  }
  return envelope;
}

export const isRefusal = (value: Envelope | Refusal | undefined): value is Refusal => value !== undefined && "status" in value;

/** Undefined when the version is served; else UnsupportedProtocolVersionError listing what is. */
export function checkVersion(envelope: Envelope): Refusal | undefined {
  if ((MODERN_PROTOCOL_VERSIONS as readonly string[]).includes(envelope.protocolVersion)) return undefined;
  return refuse(400, ErrorCode.UnsupportedProtocolVersion, `Unsupported protocol version ${JSON.stringify(envelope.protocolVersion)}; this server speaks ${MODERN_PROTOCOL_VERSIONS.join(", ")} (and, after an initialize, 2025-11-25 and earlier)`, {
    supported: [...MODERN_PROTOCOL_VERSIONS],
    requested: envelope.protocolVersion,
  });
}

/** A capability (or an extension, as `extensions.<id>`) the request's `_meta` declared. */
export function declares(envelope: Pick<Envelope, "clientCapabilities">, capability: string): boolean {
  const capabilities = envelope.clientCapabilities;
  if (capability.startsWith("extensions.")) {
    const extensions = capabilities.extensions as Record<string, unknown> | undefined;
    return typeof extensions === "object" && extensions !== null && extensions[capability.slice("extensions.".length)] !== undefined;
  }
  const value = capabilities[capability];
  return value !== undefined && value !== null && value !== false;
}

/** The `requiredCapabilities` object of a -32021 for one capability or extension. */
export const requiredCapabilities = (capability: string): Record<string, unknown> =>
  capability.startsWith("extensions.") ? { extensions: { [capability.slice("extensions.".length)]: {} } } : { [capability]: {} };
