/**
 * @module The Worker's bindings and settings (wrangler.toml [vars]).
 */
declare namespace Cloudflare {
  interface Env {
    Room: DurableObjectNamespace<import("./room.ts").Room>;
    /** Events each room keeps for `?since=` replay. Default 10000. */
    LOG_RETENTION?: string;
    /** Tools per tools/list page. Default 50. */
    TOOLS_PAGE_SIZE?: string;
    /** Largest frame a socket may send, in bytes; a bigger one closes that socket with 1009. Default 65536. */
    MAX_FRAME_BYTES?: string;
    /** Messages a connection may send per second, and how many it may save up. Defaults 100 and 200. */
    RATE_LIMIT_PER_SECOND?: string;
    RATE_LIMIT_BURST?: string;
    /** Sockets a room accepts at once; more are closed with 1013. Default 1000. */
    MAX_CONNECTIONS_PER_ROOM?: string;
    /** How long a dropped MCP WebSocket session can be resumed, in seconds. Default 120. */
    RESUME_WINDOW_SECONDS?: string;
    /**
     * The secret that seals modern clients' request state and signs participant handles (a secret:
     * `wrangler secret put STATE_SECRET`). Without it, each room makes and keeps a random one.
     */
    STATE_SECRET?: string;
    /** When set (a secret: `wrangler secret put AUTH_TOKEN`, or .dev.vars), every request must present it. */
    AUTH_TOKEN?: string;
    /** Comma-separated host names served besides loopback and *.workers.dev ("*" for any). */
    ALLOWED_HOSTS?: string;
    /** Comma-separated browser origins allowed besides the service's own and loopback ("*" for any). */
    ALLOWED_ORIGINS?: string;
  }
}
type Env = Cloudflare.Env;
