/**
 * @module What one run measures and how much: the full run's sizes, or `--quick`'s tiny ones
 * (`npm test` runs that so the script cannot rot; it writes nothing). `--rounds=N` and `--budget=SECONDS`
 * override the rounds and the time they may take.
 */
const quick = process.argv.includes("--quick");
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];

export const config = {
  quick,
  /** Each round measures every target once, in rotated order; the median round is reported. */
  rounds: Number(option("rounds") ?? (quick ? 1 : 9)),
  /** No round starts after this many seconds of measuring, once `minRounds` are done: a loaded machine cannot make the run endless. */
  budgetSeconds: Number(option("budget") ?? 420),
  minRounds: quick ? 1 : 5,
  /** Calls before each measurement: JIT, SQLite pages, socket buffers. */
  warmUp: quick ? 10 : 100,
  sequentialCalls: quick ? 30 : 500,
  pipelinedCalls: quick ? 200 : 2000,
  inFlight: 64,
  httpCalls: quick ? 20 : 100,
  watchers: quick ? 10 : 100,
  fanOutCalls: quick ? 5 : 60,
  replayEvents: quick ? 100 : 10_000,
  /** math-mcp's LOG_RETENTION in the run (its default in a full run). */
  retention: quick ? 100 : 10_000,
  /**
   * Events in each long-lived room before the rounds: past math-mcp's retention limit, so that its log
   * trims as it goes, as a room that users have run for a while does (the floor's log just grows).
   */
  longLivedEvents: quick ? 150 : 10_500,
};

export type BenchConfig = typeof config;

/** The call every target answers: tools/call of `add` with 2 and 3. */
export const CALL = { name: "add", arguments: { a: 2, b: 3 } };
export const INIT = { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bench", version: "1" } };

/**
 * math-mcp's settings for the run: the per-connection rate limit raised out of the way, since the bench
 * measures what a room can do (every message still takes its token from the bucket).
 */
export const mathMcpVars = (bench: BenchConfig) => ({ RATE_LIMIT_PER_SECOND: "1000000000", RATE_LIMIT_BURST: "1000000000", LOG_RETENTION: String(bench.retention) });
