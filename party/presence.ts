/**
 * @module Who is in the room: initialized sessions with a live socket or an open GET stream. Joins and
 * leaves are told to everyone as `notifications/room/presence` and show in `room://participants`.
 */
import { ROOM_PRESENCE_METHOD } from "../shared/events.ts";
import type { Participant } from "../shared/events.ts";
import type { SessionState } from "./engine/session-state.ts";

export class Presence {
  readonly #present = new Map<string, Participant>();
  readonly #tell: (frame: string) => void;
  readonly #changed: () => void;

  /**
   * @param tell sends a serialized notification to every participant
   * @param changed says that the participant list changed (for resource subscribers)
   */
  constructor(tell: (frame: string) => void, changed: () => void) {
    this.#tell = tell;
    this.#changed = changed;
  }

  /** Records a participant without telling anyone (rebuilding the list after the room woke). */
  restore(state: SessionState): void {
    if (state.initialized) this.#present.set(state.id, participantOf(state));
  }

  join(state: SessionState): void {
    if (!state.initialized) return;
    const participant = participantOf(state);
    const known = this.#present.get(state.id);
    if (known && known.name === participant.name) return;
    this.#present.set(state.id, participant);
    this.#announce("joined", participant);
  }

  leave(sessionId: string): void {
    const participant = this.#present.get(sessionId);
    if (!participant) return;
    this.#present.delete(sessionId);
    this.#announce("left", participant);
  }

  list(): Participant[] {
    return [...this.#present.values()];
  }

  #announce(event: "joined" | "left", participant: Participant): void {
    const params = { event, participant, count: this.#present.size };
    this.#tell(JSON.stringify({ jsonrpc: "2.0", method: ROOM_PRESENCE_METHOD, params }));
    this.#changed();
  }
}

function participantOf(state: SessionState): Participant {
  return {
    // The session id is a credential (it resumes the session); others see only the public id.
    id: state.publicId ?? "unknown",
    name: state.name,
    kind: state.kind,
    ...(state.clientInfo ? { client: state.clientInfo.name } : {}),
  };
}
