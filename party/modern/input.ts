/**
 * @module Input for one modern request (multi round-trip requests, `basic/patterns/mrtr.mdx`): the
 * answers it already has come from its sealed `requestState` and its `inputResponses`; asking for
 * anything else ends the round with an InputRequiredResult, and the client retries with the answers.
 */
import { ErrorCode, McpError } from "../engine/errors.ts";
import { InputRequired, ProtocolFailure } from "../tools/interrupt.ts";
import type { InputRequests, InputResponses } from "../tools/interrupt.ts";
import { declares, requiredCapabilities } from "./ladder.ts";
import type { Envelope } from "./ladder.ts";

/** The capability a client declares to be asked each kind of input. */
const CAPABILITY: Record<string, string> = {
  "elicitation/create": "elicitation",
  "sampling/createMessage": "sampling",
  "roots/list": "roots",
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The answers a retry brings, those shaped as an answer (an object). Keys the call never asks for are
 * simply never read, as the spec says; a malformed answer is as good as none, and is asked again.
 */
export function acceptedResponses(raw: unknown): InputResponses {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw new McpError(ErrorCode.InvalidParams, "Invalid params: inputResponses must be an object of answers keyed like the inputRequests");
  const accepted: InputResponses = {};
  for (const [key, answer] of Object.entries(raw)) if (isObject(answer)) accepted[key] = answer;
  return accepted;
}

export class ModernInput {
  constructor(
    private readonly envelope: Pick<Envelope, "clientCapabilities">,
    /** Every answer known so far, earlier rounds' included. */
    readonly answers: InputResponses,
  ) {}

  /** Resolves when every key is answered; else ends the round asking for the rest. */
  readonly ask = async (requests: InputRequests): Promise<InputResponses> => {
    const missing: InputRequests = {};
    for (const [key, request] of Object.entries(requests)) if (!(key in this.answers)) missing[key] = request;
    if (Object.keys(missing).length === 0) return Object.fromEntries(Object.keys(requests).map((k) => [k, this.answers[k]!]));
    for (const request of Object.values(missing)) {
      const capability = CAPABILITY[request.method];
      if (capability && !declares(this.envelope, capability)) {
        const error = new McpError(
          ErrorCode.MissingRequiredClientCapability,
          `This call needs the "${capability}" client capability (${request.method}); declare it in _meta.io.modelcontextprotocol/clientCapabilities`,
          { requiredCapabilities: requiredCapabilities(capability) },
        );
        throw new ProtocolFailure(error);
      }
    }
    throw new InputRequired(missing);
  };
}
