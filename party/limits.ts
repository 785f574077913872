/**
 * @module Per-connection limits that keep one client from taking a room's single thread.
 */
import { ErrorCode } from "../shared/jsonrpc.ts";
import { claimsModern } from "./engine/era.ts";

/** A token bucket: `rate` tokens a second, at most `burst` saved up. */
export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
    this.#at = Date.now();
  }

  /** Takes one token; answers 0, or how many milliseconds until one is there. */
  take(now = Date.now()): number {
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#at) / 1000) * this.rate);
    this.#at = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.#tokens) / this.rate) * 1000);
  }
}

/** Buckets by key (a connection or session id), forgotten when their owner goes. */
export class RateLimiter {
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {}

  take(key: string): number {
    let bucket = this.#buckets.get(key);
    if (!bucket) this.#buckets.set(key, (bucket = new TokenBucket(this.rate, this.burst)));
    return bucket.take();
  }

  forget(key: string): void {
    this.#buckets.delete(key);
  }
}

/**
 * The answer to a message over the rate: for a request, an error saying when to send again (a seed
 * envelope on seed sockets; for a modern request, a code outside the range 2026-07-28 reserves);
 * nothing for a notification or an unreadable frame. The socket stays.
 */
export function rateLimitReply(message: string | ArrayBuffer | ArrayBufferView, seed: boolean, text: string, retryAfterMs: number): string | undefined {
  let value: { id?: unknown; requestId?: unknown } | undefined;
  try {
    value = typeof message === "string" ? (JSON.parse(message) as typeof value) : undefined;
  } catch {
    return undefined;
  }
  if (seed) {
    const requestId = value?.requestId;
    return JSON.stringify({ type: "error", ...(requestId === undefined ? {} : { requestId }), error: text, timestamp: new Date().toISOString() });
  }
  const id = value?.id;
  if (typeof id !== "string" && typeof id !== "number") return undefined;
  const code = claimsModern(value) ? ErrorCode.TooManyRequests : ErrorCode.RateLimited;
  return JSON.stringify({ jsonrpc: "2.0", id, error: { code, message: text, data: { retryAfterMs } } });
}

/** A frame's size in bytes, without encoding short frames (a UTF-16 unit is at most 3 UTF-8 bytes). */
export function frameBytes(frame: string | ArrayBuffer | ArrayBufferView, limit: number): number {
  if (typeof frame !== "string") return frame.byteLength;
  if (frame.length * 3 <= limit) return frame.length;
  return new TextEncoder().encode(frame).length;
}
