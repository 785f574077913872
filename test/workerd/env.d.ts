/** The Worker's default export, as tests reach it through `exports` of "cloudflare:workers". */
declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
}

/** The test configuration's own binding: the conformance fixture room (party/conformance/worker.ts). */
declare namespace Cloudflare {
  interface Env {
    ConformanceRoom: DurableObjectNamespace<import("../../party/conformance/room.ts").ConformanceRoom>;
  }
}
