/**
 * @module Participant handles: a stable identity in the room log for a modern caller, which has no
 * session. A request asks for one with `_meta["dev.math-mcp/participant"]: {name?}`; the result's
 * `_meta` carries the handle, a signed string the caller passes back (same key) on later requests.
 * It gives `by` (the name) and a public id in the room log. Handles work only in the room that made them.
 */
import { VENDOR } from "../../shared/mcp.ts";
import { ErrorCode, McpError } from "../engine/errors.ts";
import { randomToken } from "../ids.ts";
import { base64url, fromBase64url } from "./secrets.ts";

export type Participant = { id: string; name: string };

const encoder = new TextEncoder();
const PREFIX = "ph1";

export class ParticipantHandles {
  constructor(
    private readonly room: string,
    private readonly key: () => Promise<CryptoKey>,
  ) {}

  async mint(name: string): Promise<{ participant: Participant; handle: string }> {
    const participant = { id: randomToken(9), name: name.slice(0, 100) || "anonymous" };
    const body = `${participant.id}.${base64url(encoder.encode(participant.name))}`;
    return { participant, handle: `${PREFIX}.${body}.${await this.#mac(body)}` };
  }

  async verify(handle: string): Promise<Participant | undefined> {
    const [prefix, id, name, mac, ...rest] = handle.split(".");
    if (prefix !== PREFIX || !id || name === undefined || !mac || rest.length) return undefined;
    const signature = fromBase64url(mac);
    const nameBytes = fromBase64url(name);
    if (!signature || !nameBytes) return undefined;
    const valid = await crypto.subtle.verify("HMAC", await this.key(), signature, encoder.encode(`${this.room}|${id}.${name}`));
    return valid ? { id, name: new TextDecoder().decode(nameBytes) } : undefined;
  }

  async #mac(body: string): Promise<string> {
    return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", await this.key(), encoder.encode(`${this.room}|${body}`))));
  }
}

/**
 * Who a request says it is, through the handle key of its `_meta`: a handle to check, a request for a
 * new one (`{name?}`), or nothing. Answers the participant and the handle to give back, if any.
 */
export async function participantOf(
  handles: ParticipantHandles,
  meta: Record<string, unknown>,
  fallbackName: string,
): Promise<{ participant: Participant; handle: string } | undefined> {
  const asked = meta[VENDOR.participant];
  if (asked === undefined) return undefined;
  if (typeof asked === "string") {
    const participant = await handles.verify(asked);
    if (!participant) throw new McpError(ErrorCode.InvalidParams, `Invalid params: _meta.${VENDOR.participant} is not a handle of this room; ask for one with {"name": …}`);
    return { participant, handle: asked };
  }
  if (typeof asked === "object" && asked !== null && !Array.isArray(asked)) {
    const name = (asked as { name?: unknown }).name;
    return handles.mint(typeof name === "string" && name.trim() ? name.trim() : fallbackName);
  }
  throw new McpError(ErrorCode.InvalidParams, `Invalid params: _meta.${VENDOR.participant} is a handle (a string) or {name} to ask for one`);
}
