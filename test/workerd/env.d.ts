/** The Worker's default export, as tests reach it through `exports` of "cloudflare:workers". */
declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
}
