/**
 * @module Who may talk to the service: the Host it is addressed by (DNS rebinding) and the Origin of
 * browser pages (cross-site requests and WebSocket hijacking). Non-browser clients send no Origin.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export type AccessPolicy = {
  /** Host names served besides loopback and *.workers.dev; "*" serves any. */
  hosts: string[];
  /** Browser origins allowed besides the service's own and loopback pages; "*" allows any. */
  origins: string[];
};

const list = (raw: string | undefined) => (raw ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);

export const accessPolicy = (env: Env): AccessPolicy => ({ hosts: list(env.ALLOWED_HOSTS), origins: list(env.ALLOWED_ORIGINS) });

function hostAllowed(hostname: string, policy: AccessPolicy): boolean {
  // workers.dev names resolve only to Cloudflare, so an attacker cannot rebind them to a local server.
  return LOOPBACK.has(hostname) || hostname.endsWith(".workers.dev") || policy.hosts.includes("*") || policy.hosts.includes(hostname);
}

/** The reason to refuse the request (answered 403), or undefined when it may pass. */
export function refusal(request: Request, policy: AccessPolicy): string | undefined {
  const url = new URL(request.url);
  const host = (request.headers.get("Host") ?? url.host).toLowerCase();
  const hostname = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0]!;
  if (!hostAllowed(hostname, policy)) {
    return `Forbidden: this server does not answer to host ${JSON.stringify(hostname)} (DNS rebinding protection); add it to ALLOWED_HOSTS`;
  }
  const origin = request.headers.get("Origin");
  if (origin === null || originAllowed(origin, url, policy)) return undefined;
  return `Forbidden: origin ${JSON.stringify(origin)} is not allowed; add it to ALLOWED_ORIGINS`;
}

export function originAllowed(origin: string, url: URL, policy: AccessPolicy): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return (
    parsed.origin === url.origin ||
    LOOPBACK.has(parsed.hostname) ||
    policy.origins.includes("*") ||
    policy.origins.includes(parsed.origin.toLowerCase())
  );
}

/** What a browser may send without asking (a preflight that names its headers gets them reflected). */
const ALLOW_HEADERS = "Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID, Mcp-Method, Mcp-Name, Mcp-Room-Key";

/**
 * A response with CORS headers added. `Vary` is appended to, never overwritten: a response that varies
 * on something else (Accept-Encoding, say) must keep saying so to caches.
 */
export function withCors(response: Response, cors: Record<string, string>): Response {
  const answer = new Response(response.body, response);
  for (const [name, value] of Object.entries(cors)) {
    if (name.toLowerCase() !== "vary") answer.headers.set(name, value);
    else answer.headers.set("Vary", mergeVary(answer.headers.get("Vary"), value));
  }
  return answer;
}

/** The tokens of two Vary values, each once (compared without case); `*` stands alone. */
function mergeVary(existing: string | null, added: string): string {
  const tokens: string[] = [];
  for (const token of `${existing ?? ""},${added}`.split(",").map((t) => t.trim()).filter(Boolean)) {
    if (!tokens.some((t) => t.toLowerCase() === token.toLowerCase())) tokens.push(token);
  }
  return tokens.includes("*") ? "*" : tokens.join(", ");
}

/**
 * CORS headers for an allowed browser origin; none for requests without an Origin. A preflight's asked
 * headers are reflected (as Hono's cors() does): modern clients send `Mcp-Param-{Name}` headers named
 * after tool arguments, which no fixed list can hold.
 */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("Origin");
  if (!origin) return {};
  const asked = request.headers.get("Access-Control-Request-Headers");
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": asked ? asked : ALLOW_HEADERS,
    "Access-Control-Expose-Headers": "Mcp-Session-Id, MCP-Protocol-Version, Retry-After",
    "Access-Control-Max-Age": "86400",
    Vary: asked ? "Origin, Access-Control-Request-Headers" : "Origin",
  };
}
