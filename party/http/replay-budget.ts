/**
 * @module What a room's SSE streams keep for `Last-Event-ID` replay, all together: each stream keeps at
 * most its last 1,000 events, and the room at most `limitBytes` of them across every stream of every
 * session; past that, the oldest kept events anywhere in the room go first.
 */

/** One kept event of one stream. */
export type KeptEvent = { n: number; frame: string; bytes: number; gone: boolean; drop: () => void };

/** Events kept across a room's streams, by default (the frames are held as text: about 2 bytes a character). */
export const ROOM_REPLAY_BYTES = 8 * 1024 * 1024;

export class ReplayBudget {
  readonly limitBytes: number;
  #used = 0;
  /** Kept events, oldest first (some already dropped by their stream). */
  #kept: KeptEvent[] = [];
  #head = 0;

  constructor(limitBytes = ROOM_REPLAY_BYTES) {
    this.limitBytes = limitBytes;
  }

  get usedBytes(): number {
    return this.#used;
  }

  /** A stream keeps a new event; older ones in the room are dropped while the room keeps too much. */
  keep(event: KeptEvent): void {
    this.#kept.push(event);
    this.#used += event.bytes;
    while (this.#used > this.limitBytes && this.#head < this.#kept.length) {
      const oldest = this.#kept[this.#head++]!;
      if (!oldest.gone) oldest.drop();
    }
    if (this.#head > 1024 && this.#head * 2 > this.#kept.length) {
      this.#kept = this.#kept.slice(this.#head);
      this.#head = 0;
    }
  }

  /** An event is no longer kept (its stream dropped it, or the stream is gone). */
  release(event: KeptEvent): void {
    if (event.gone) return;
    event.gone = true;
    this.#used -= event.bytes;
  }
}
