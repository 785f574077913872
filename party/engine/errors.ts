/**
 * @module The one protocol error class: a JSON-RPC code, a message for people, optional data.
 */
import { ErrorCode } from "../../shared/jsonrpc.ts";

export { ErrorCode };

export class McpError extends Error {
  readonly code: ErrorCode;
  readonly data?: unknown;

  constructor(code: ErrorCode, message: string, data?: unknown) {
    super(message);
    this.name = "McpError";
    this.code = code;
    this.data = data;
  }
}

/** The JSON-RPC error object for any thrown value; never leaks a stack or an internal message. */
export function toErrorObject(error: unknown): { code: number; message: string; data?: unknown } {
  if (error instanceof McpError) {
    return error.data === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, data: error.data };
  }
  return { code: ErrorCode.InternalError, message: "Internal error" };
}
