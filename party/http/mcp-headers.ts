/**
 * @module The headers a modern POST mirrors from its body (2026-07-28 Streamable HTTP, "Request
 * Metadata"): `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`, and `Mcp-Param-{Name}` for tool
 * arguments whose schema says `x-mcp-header`. Missing or different from the body: 400 and -32020.
 */
import { ErrorCode } from "../../shared/jsonrpc.ts";
import type { JSONRPCRequest } from "../../shared/jsonrpc.ts";
import type { Envelope, Refusal } from "../modern/ladder.ts";

const mismatch = (message: string): Refusal => ({ status: 400, code: ErrorCode.HeaderMismatch, message: `Header mismatch: ${message}` });

/** Field values may hold visible ASCII, spaces and tabs only (RFC 9110). */
const VALID_VALUE = /^[\t\x20-\x7e]*$/;
const SENTINEL = /^=\?base64\?(.*)\?=$/;

/**
 * A header's value as the body would hold it: surrounding whitespace dropped, and the Base64 sentinel
 * (`=?base64?…?=`) decoded, strictly (padding and alphabet checked). Undefined when it cannot be read.
 */
export function headerValue(raw: string): string | undefined {
  if (!VALID_VALUE.test(raw)) return undefined;
  const value = raw.trim();
  const encoded = SENTINEL.exec(value)?.[1];
  if (encoded === undefined) return value;
  if (encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The protocol version header must be there and say what the body says. */
export function versionHeaderRefusal(headers: Headers, envelope: Envelope): Refusal | undefined {
  const header = headers.get("MCP-Protocol-Version")?.trim();
  if (header === undefined) return mismatch(`the MCP-Protocol-Version header is required (${envelope.protocolVersion}, as in _meta)`);
  if (header !== envelope.protocolVersion) {
    return mismatch(`MCP-Protocol-Version header ${JSON.stringify(header)} does not match _meta's ${JSON.stringify(envelope.protocolVersion)}`);
  }
  return undefined;
}

/** What `Mcp-Name` mirrors for each method that has one. */
function nameOf(request: JSONRPCRequest): unknown {
  const params = request.params ?? {};
  switch (request.method) {
    case "tools/call":
    case "prompts/get":
      return params.name;
    case "resources/read":
      return params.uri;
    case "tasks/get":
    case "tasks/update":
    case "tasks/cancel":
      return params.taskId;
    default:
      return undefined;
  }
}

/** `Mcp-Method` on every request, `Mcp-Name` where the method names something. */
export function routingHeaderRefusal(headers: Headers, request: JSONRPCRequest): Refusal | undefined {
  const method = headers.get("Mcp-Method");
  if (method === null) return mismatch(`the Mcp-Method header is required (${request.method})`);
  if (method.trim() !== request.method) return mismatch(`Mcp-Method header ${JSON.stringify(method.trim())} does not match the body's ${JSON.stringify(request.method)}`);
  const name = nameOf(request);
  if (typeof name !== "string") return undefined;
  const header = headers.get("Mcp-Name");
  if (header === null) return mismatch(`the Mcp-Name header is required for ${request.method} (${name})`);
  const value = headerValue(header);
  if (value !== name) return mismatch(`Mcp-Name header ${JSON.stringify(header.trim())} does not match the body's ${JSON.stringify(name)}`);
  return undefined;
}

type Schema = { properties?: Record<string, Schema>; type?: unknown; "x-mcp-header"?: unknown };

/** Every `x-mcp-header` property of a tool's input schema, by path (only through `properties`, as the spec allows). */
function annotated(schema: Schema, path: string[] = []): { path: string[]; header: string; type: unknown }[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const here = [...path, key];
    const own = typeof property["x-mcp-header"] === "string" ? [{ path: here, header: property["x-mcp-header"], type: property.type }] : [];
    return [...own, ...annotated(property, here)];
  });
}

const valueAt = (args: unknown, path: string[]) => path.reduce<unknown>((value, key) => (typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined), args);

/** `Mcp-Param-{Name}` for each annotated argument present in the body: there, readable, and equal. */
export function paramHeaderRefusal(headers: Headers, args: unknown, inputSchema: Schema): Refusal | undefined {
  for (const { path, header, type } of annotated(inputSchema)) {
    const value = valueAt(args, path);
    const raw = headers.get(`Mcp-Param-${header}`);
    if (value === undefined || value === null) continue;
    if (raw === null) return mismatch(`the Mcp-Param-${header} header is required when arguments.${path.join(".")} is given`);
    const decoded = headerValue(raw);
    if (decoded === undefined) return mismatch(`Mcp-Param-${header} is not a valid header value (visible ASCII, or =?base64?…?= with valid Base64)`);
    const same = type === "integer" || typeof value === "number" ? Number(decoded) === value && decoded.trim() !== "" : decoded === String(value);
    if (!same) return mismatch(`Mcp-Param-${header} header ${JSON.stringify(decoded)} does not match arguments.${path.join(".")}`);
  }
  return undefined;
}
