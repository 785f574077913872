/**
 * @module Params validation at the edge: zod issues become one -32602 message a client can act on.
 */
import type * as z from "zod";
import { ErrorCode, McpError } from "./errors.ts";

export function parse<T extends z.ZodType>(schema: T, params: unknown, method: string): z.output<T> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  throw new McpError(ErrorCode.InvalidParams, `Invalid params for ${method}: ${detail.join("; ")}`);
}
