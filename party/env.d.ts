/**
 * @module The Worker's bindings and settings (wrangler.toml [vars]).
 */
declare namespace Cloudflare {
  interface Env {
    Room: DurableObjectNamespace<import("./room.ts").Room>;
    ConformanceRoom: DurableObjectNamespace<import("./conformance/room.ts").ConformanceRoom>;
    /** "on" serves the MCP conformance suite's fixture room at /conformance/mcp. Default off. */
    CONFORMANCE_FIXTURE?: string;
    /** Events each room keeps for `?since=` replay. Default 10000. */
    LOG_RETENTION?: string;
    /** Tools per tools/list page. Default 50. */
    TOOLS_PAGE_SIZE?: string;
    /** How long a dropped MCP WebSocket session can be resumed, in seconds. Default 120. */
    RESUME_WINDOW_SECONDS?: string;
    /** Comma-separated host names served besides loopback and *.workers.dev ("*" for any). */
    ALLOWED_HOSTS?: string;
    /** Comma-separated browser origins allowed besides the service's own and loopback ("*" for any). */
    ALLOWED_ORIGINS?: string;
  }
}
type Env = Cloudflare.Env;
