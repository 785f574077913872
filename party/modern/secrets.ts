/**
 * @module The keys that seal what a modern client carries for the server: MRTR request state (AES-GCM:
 * it holds the client's earlier answers) and participant handles (HMAC). Both come from one secret:
 * STATE_SECRET when the deployment sets one, else a random one the room keeps in its storage.
 */
export type Keys = { state: CryptoKey; handles: CryptoKey };

const encoder = new TextEncoder();

export async function deriveKeys(secret: string): Promise<Keys> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"]);
  const derive = (info: string, algorithm: AesKeyGenParams | HmacImportParams, usages: KeyUsage[]) =>
    crypto.subtle.deriveKey({ name: "HKDF", hash: "SHA-256", salt: encoder.encode("math-mcp"), info: encoder.encode(info) }, material, algorithm, false, usages);
  const [state, handles] = await Promise.all([
    derive("math-mcp request state v1", { name: "AES-GCM", length: 256 }, ["encrypt", "decrypt"]),
    derive("math-mcp participant handle v1", { name: "HMAC", hash: "SHA-256", length: 256 }, ["sign", "verify"]),
  ]);
  return { state, handles };
}

/** base64url without padding, for tokens that travel in JSON and headers. */
export function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** JSON with sorted keys: the same value always gives the same text (for digests). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export async function digestOf(value: unknown): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(canonicalJson(value)))));
}
