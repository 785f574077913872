/**
 * @module Ways a tool call stops without ending as a tool result: the engine, not the tool registry,
 * answers them (the registry turns every other failure into an `isError` result).
 */
import type { McpError } from "../engine/errors.ts";

/** One input a server asks its client for (MRTR `inputRequests` values, and what legacy sessions send as requests). */
export type InputRequest = { method: "elicitation/create" | "sampling/createMessage" | "roots/list"; params: Record<string, unknown> };
export type InputRequests = Record<string, InputRequest>;
export type InputResponses = Record<string, Record<string, unknown>>;

export class CallInterrupt extends Error {}

/** The call needs input it does not have yet (modern: an InputRequiredResult; in a task: `input_required`). */
export class InputRequired extends CallInterrupt {
  constructor(readonly requests: InputRequests) {
    super("input required");
  }
}

/** The call goes on as a task (tasks extension): what it gathered so far goes with it. */
export class GoAsync extends CallInterrupt {
  constructor() {
    super("go async");
  }
}

/** A protocol error the call cannot turn into a tool result (a missing client capability, modern era). */
export class ProtocolFailure extends CallInterrupt {
  constructor(readonly error: McpError) {
    super(error.message);
  }
}
