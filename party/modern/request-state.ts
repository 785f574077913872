/**
 * @module MRTR `requestState`: what a modern request learned in earlier rounds (the client's answers),
 * sealed with AES-GCM and bound to the room, the caller, the method, the
 * target and a digest of the arguments, for ten minutes. The client carries it and cannot read or
 * change it; state that does not open, or opens for another request, is refused.
 */
import { ErrorCode, McpError } from "../engine/errors.ts";
import type { InputResponses } from "../tools/interrupt.ts";
import { base64url, fromBase64url } from "./secrets.ts";

/** What a state is good for: it opens only for the same room, caller, method, target and arguments. */
export type StateBinding = { principal: string; method: string; target: string; digest: string };
type Sealed = StateBinding & { v: 1; room: string; exp: number; answers: InputResponses };

const STATE_TTL_MS = 10 * 60_000;
const encoder = new TextEncoder();
const tampered = () => new McpError(ErrorCode.InvalidParams, "requestState integrity check failed: send the requestState of the last answer unchanged, on the same request");

export class RequestStateCodec {
  constructor(
    private readonly room: string,
    private readonly key: () => Promise<CryptoKey>,
  ) {}

  /** The state to send with an InputRequiredResult: the answers so far. */
  async seal(binding: StateBinding, answers: InputResponses): Promise<string> {
    const body: Sealed = { v: 1, room: this.room, ...binding, exp: Date.now() + STATE_TTL_MS, answers };
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(this.room) }, await this.key(), encoder.encode(JSON.stringify(body))),
    );
    const bytes = new Uint8Array(iv.length + sealed.length);
    bytes.set(iv);
    bytes.set(sealed, iv.length);
    // The room leads in the clear: /mcp routes a retry to the room that sealed it.
    return `${this.room}.${base64url(bytes)}`;
  }

  /** Opens a state the client sent back; throws -32602 unless it is intact, fresh and for this request. */
  async open(token: string, binding: StateBinding): Promise<{ answers: InputResponses }> {
    const dot = token.lastIndexOf(".");
    const bytes = dot >= 0 && token.slice(0, dot) === this.room ? fromBase64url(token.slice(dot + 1)) : undefined;
    if (!bytes || bytes.length < 13) throw tampered();
    let body: Sealed;
    try {
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: encoder.encode(this.room) },
        await this.key(),
        bytes.slice(12),
      );
      body = JSON.parse(new TextDecoder().decode(plain)) as Sealed;
    } catch {
      throw tampered();
    }
    const matches = body.v === 1 && body.room === this.room && (Object.keys(binding) as (keyof StateBinding)[]).every((k) => body[k] === binding[k]);
    if (!matches) throw tampered();
    if (body.exp < Date.now()) throw new McpError(ErrorCode.InvalidParams, "requestState expired: call again without it");
    return { answers: body.answers };
  }
}

/** The room a state was sealed in (for routing on /mcp), read without opening it. */
export function roomOfState(token: unknown): string | undefined {
  if (typeof token !== "string") return undefined;
  const dot = token.lastIndexOf(".");
  return dot > 0 ? token.slice(0, dot) : undefined;
}
