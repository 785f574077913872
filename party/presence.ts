/**
 * @module Who is in the room: sessions with a live socket or an open GET stream (initialized, or sending
 * modern requests), and modern clients following the room on a listen. Joins and leaves are told to
 * everyone as `notifications/room/presence` and show in `room://participants`.
 */
import type { Participant } from "../shared/events.ts";
import type { SessionState } from "./engine/session-state.ts";

export class Presence {
  readonly #present = new Map<string, Participant>();
  readonly #tell: (frame: string) => void;
  readonly #changed: () => void;

  /**
   * @param tell sends a presence notification (its params, serialized) to every participant
   * @param changed says that the participant list changed (for resource subscribers)
   */
  constructor(tell: (paramsJson: string) => void, changed: () => void) {
    this.#tell = tell;
    this.#changed = changed;
  }

  /** Records a participant without telling anyone (rebuilding the list after the room woke). */
  restore(state: SessionState): void {
    if (state.initialized || state.modern) this.#present.set(state.id, participantOf(state));
  }

  join(state: SessionState): void {
    if (state.initialized || state.modern) this.enter(state.id, participantOf(state));
  }

  /** Someone present under `key` (a session id, or a modern listen's own key). */
  enter(key: string, participant: Participant): void {
    const known = this.#present.get(key);
    if (known && known.name === participant.name) return;
    this.#present.set(key, participant);
    this.#announce("joined", participant);
  }

  leave(key: string): void {
    const participant = this.#present.get(key);
    if (!participant) return;
    this.#present.delete(key);
    this.#announce("left", participant);
  }

  list(): Participant[] {
    return [...this.#present.values()];
  }

  #announce(event: "joined" | "left", participant: Participant): void {
    this.#tell(JSON.stringify({ event, participant, count: this.#present.size }));
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
