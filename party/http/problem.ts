/**
 * @module HTTP error answers: a status, and a body that says what to do. MCP endpoints answer with a
 * JSON-RPC error object (no id), as the Streamable HTTP spec allows; other endpoints with `{error}`.
 */
import { ErrorCode } from "../../shared/jsonrpc.ts";

export function problem(status: number, error: string, headers?: HeadersInit): Response {
  return Response.json({ error }, { status, headers });
}

export function rpcProblem(status: number, code: ErrorCode, message: string, headers?: HeadersInit): Response {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status, headers });
}
