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
  }
}
type Env = Cloudflare.Env;
