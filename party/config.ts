/**
 * @module Settings read from the environment, with defaults and bounds.
 */
export type RoomConfig = {
  logRetention: number;
  toolsPageSize: number;
  resumeWindowMs: number;
  maxFrameBytes: number;
  ratePerSecond: number;
  rateBurst: number;
  maxConnections: number;
};

export const DEFAULT_CONFIG = {
  logRetention: 10_000,
  toolsPageSize: 50,
  resumeWindowMs: 120_000,
  maxFrameBytes: 64 * 1024,
  ratePerSecond: 100,
  rateBurst: 200,
  maxConnections: 1000,
} satisfies RoomConfig;

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value > 0) return value;
  console.warn(`${name}=${JSON.stringify(raw)} is not a positive integer; using ${fallback}`);
  return fallback;
}

export function roomConfig(env: Env): RoomConfig {
  return {
    logRetention: positiveInt(env.LOG_RETENTION, DEFAULT_CONFIG.logRetention, "LOG_RETENTION"),
    toolsPageSize: positiveInt(env.TOOLS_PAGE_SIZE, DEFAULT_CONFIG.toolsPageSize, "TOOLS_PAGE_SIZE"),
    resumeWindowMs: 1000 * positiveInt(env.RESUME_WINDOW_SECONDS, DEFAULT_CONFIG.resumeWindowMs / 1000, "RESUME_WINDOW_SECONDS"),
    maxFrameBytes: positiveInt(env.MAX_FRAME_BYTES, DEFAULT_CONFIG.maxFrameBytes, "MAX_FRAME_BYTES"),
    ratePerSecond: positiveInt(env.RATE_LIMIT_PER_SECOND, DEFAULT_CONFIG.ratePerSecond, "RATE_LIMIT_PER_SECOND"),
    rateBurst: positiveInt(env.RATE_LIMIT_BURST, DEFAULT_CONFIG.rateBurst, "RATE_LIMIT_BURST"),
    maxConnections: positiveInt(env.MAX_CONNECTIONS_PER_ROOM, DEFAULT_CONFIG.maxConnections, "MAX_CONNECTIONS_PER_ROOM"),
  };
}

/** `?since=SEQ`: a non-negative integer, or undefined when absent. Throws a message for anything else. */
export function parseSince(url: URL): number | undefined {
  const raw = url.searchParams.get("since");
  if (raw === null) return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw new Error(`since must be a non-negative integer (got ${JSON.stringify(raw)})`);
  return Number(raw);
}
