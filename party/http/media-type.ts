/**
 * @module Media types as HTTP defines them (RFC 9110): a Content-Type is parsed, not searched for a
 * substring (`text/plain; note=application/json` is not JSON), and an Accept header's ranges are read
 * with their wildcards and weights.
 */

/** The media type of a Content-Type value, lower case and without parameters; undefined if malformed. */
export function mediaType(contentType: string | null): string | undefined {
  if (contentType === null) return undefined;
  const type = contentType.split(";", 1)[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : undefined;
}

/**
 * Whether an Accept header accepts `type` (`type/subtype`): an exact range, `type/*` or `*\/*`, with a
 * weight above zero. A request without Accept accepts nothing here: Streamable HTTP asks clients to list
 * what they accept.
 */
export function accepts(accept: string | null, type: string): boolean {
  if (!accept) return false;
  const [major] = type.split("/");
  return accept.split(",").some((range) => {
    const [name = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    if (name !== type && name !== `${major}/*` && name !== "*/*") return false;
    const weight = parameters.find((p) => p.startsWith("q="));
    return weight === undefined || Number(weight.slice(2)) > 0;
  });
}
