/**
 * @module Optional authentication: with AUTH_TOKEN set, every request and socket presents it —
 * `Authorization: Bearer` on HTTP; on WebSocket, where browsers cannot set headers, a second
 * subprotocol entry `bearer.<token>` or `?token=`. Without AUTH_TOKEN, local use stays open.
 */

/** Compares in time that does not depend on where the strings differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let difference = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) difference |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return difference === 0;
}

const BEARER_PROTOCOL = "bearer.";

/** The token a request presents, wherever it put it. */
export function presentedToken(request: Request): string | undefined {
  const header = request.headers.get("Authorization");
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim();
  const protocols = (request.headers.get("Sec-WebSocket-Protocol") ?? "").split(",").map((p) => p.trim());
  const inProtocol = protocols.find((p) => p.startsWith(BEARER_PROTOCOL));
  if (inProtocol) return inProtocol.slice(BEARER_PROTOCOL.length);
  return new URL(request.url).searchParams.get("token") ?? undefined;
}

/** Undefined when the request may pass; else why not (answered 401). */
export function unauthorized(request: Request, token: string | undefined): string | undefined {
  if (!token) return undefined;
  const presented = presentedToken(request);
  if (presented !== undefined && sameSecret(presented, token)) return undefined;
  return presented === undefined
    ? "Unauthorized: this server needs a token (Authorization: Bearer <token>; on WebSocket, subprotocol bearer.<token> or ?token=)"
    : "Unauthorized: wrong token";
}

/** The subprotocols a client offered, less the one that carries its token. */
export const offeredProtocols = (request: Request) =>
  (request.headers.get("Sec-WebSocket-Protocol") ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith(BEARER_PROTOCOL));
