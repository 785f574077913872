/**
 * @module How a tool call ends up in the room: its one event, serialized once (the answer reuses the
 * result's text), written to the log, remembered for retransmissions, and sent to every participant.
 */
import type { RoomEvent } from "../../shared/events.ts";
import type { JSONRPCMessage, RequestId } from "../../shared/jsonrpc.ts";
import type { Caller } from "../engine/caller.ts";
import type { ToolCallRecord } from "../engine/engine.ts";
import { remember } from "../engine/wire.ts";
import type { EventLog } from "./event-log.ts";
import type { RequestLedger } from "./request-ledger.ts";

export type RecorderOptions = {
  log: EventLog;
  ledger: RequestLedger;
  /** Sends a new event (its JSON, as stored) to every participant. */
  broadcast(eventJson: string): void;
  /** The log changed: tells its resource's subscribers. */
  changed(): void;
  /** An event was written (group commit: what arrives before it is durable waits to share the next commit). */
  written?(): void;
};

export class Recorder {
  readonly #options: RecorderOptions;

  constructor(options: RecorderOptions) {
    this.#options = options;
  }

  /** Writes the one event a tool call makes, and tells everyone; called before the call's answer is sent. */
  record(record: ToolCallRecord, caller: Caller): void {
    const { log, ledger } = this.#options;
    const seq = log.lastSeq + 1;
    const head = {
      seq,
      at: new Date().toISOString(),
      by: caller.name,
      ...(caller.participant ? { participant: caller.participant } : {}),
      tool: record.tool,
      arguments: record.arguments,
    };
    const json = record.error || record.result === undefined ? JSON.stringify(record.error ? { ...head, error: record.error } : head) : withResult(head, record.result);
    log.write(seq, json, caller.sessionId ? { sessionId: caller.sessionId, requestId: record.requestId } : undefined);
    if (caller.sessionId) ledger.event(caller.sessionId, record.requestId, seq);
    this.#options.written?.();
    this.#options.broadcast(json);
    this.#options.changed();
  }

  /** The answer a session's request already got (a retransmission), or undefined for a new request. */
  priorAnswer(sessionId: string, requestId: RequestId, taskAnswer: () => JSONRPCMessage | undefined): JSONRPCMessage | undefined {
    const made = this.#options.ledger.made(sessionId, requestId);
    if (!made) return undefined;
    if ("task" in made) return taskAnswer();
    return answerFrom(this.#options.log.at(made.seq), requestId);
  }
}

/** The event's JSON with the result serialized once: the answer to the call reuses the same text. */
function withResult(head: Omit<RoomEvent, "result" | "error">, result: object): string {
  const json = JSON.stringify(result);
  remember(result, json);
  return `${JSON.stringify(head).slice(0, -1)},"result":${json}}`;
}

/** The answer a request got, rebuilt from the event it made (for a retransmitted request). */
function answerFrom(event: RoomEvent | undefined, id: RequestId): JSONRPCMessage | undefined {
  if (!event) return undefined;
  if (event.error?.code !== undefined) return { jsonrpc: "2.0", id, error: { code: event.error.code, message: event.error.message } };
  if (event.error) return { jsonrpc: "2.0", id, result: { content: [{ type: "text", text: event.error.message }], isError: true } };
  return { jsonrpc: "2.0", id, result: event.result as Record<string, unknown> };
}
