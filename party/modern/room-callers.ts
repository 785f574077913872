/**
 * @module Who a modern request in a room stands for. It carries no session, so: the access the room's
 * admission gave it (key, viewer link), a name (its participant handle's, else its clientInfo's), and
 * on a socket the socket's session (for exactly-once answers and `?name=`).
 */
import type { Access } from "../http/access.ts";
import type { Caller } from "../engine/caller.ts";
import { callerOfSession } from "../engine/caller.ts";
import type { McpSession } from "../engine/session.ts";
import type { Envelope } from "./ladder.ts";
import { participantOf } from "./handles.ts";
import type { ParticipantHandles } from "./handles.ts";

export class RoomCallers {
  constructor(private readonly handles: ParticipantHandles) {}

  /** A modern HTTP request the room admitted with `access`. */
  async http(access: Access, envelope: Envelope): Promise<Caller> {
    const name = envelope.clientInfo?.name.slice(0, 100) || "anonymous";
    return this.#withHandle({ name, access, capabilities: envelope.clientCapabilities, ...(envelope.clientInfo ? { clientInfo: clientInfoOf(envelope) } : {}) }, envelope);
  }

  /** A modern frame on a socket: the socket's session lends its id, access and `?name=`. */
  async socket(session: McpSession, envelope: Envelope): Promise<Caller> {
    const base = callerOfSession(session.state);
    const name = base.name === "anonymous" ? envelope.clientInfo?.name.slice(0, 100) || "anonymous" : base.name;
    return this.#withHandle({ ...base, name, capabilities: envelope.clientCapabilities, ...(envelope.clientInfo ? { clientInfo: clientInfoOf(envelope) } : {}) }, envelope);
  }

  async #withHandle(caller: Caller, envelope: Envelope): Promise<Caller> {
    const held = await participantOf(this.handles, envelope.meta, caller.name);
    return held ? { ...caller, name: held.participant.name, participant: held.participant.id, handle: held.handle } : caller;
  }
}

const clientInfoOf = (envelope: Envelope) => ({ name: envelope.clientInfo!.name, version: envelope.clientInfo!.version ?? "" });
