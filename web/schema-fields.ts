/**
 * @module A tool's `inputSchema` (JSON Schema, as zod writes it) read as form fields, and the text a
 * person types read back as the values the schema asks for. Any tool, the seed's included, gets a form.
 */

export type JsonType = "number" | "integer" | "string" | "boolean" | "array" | "object" | "null";

export type Field = {
  name: string;
  label: string;
  description?: string;
  required: boolean;
  /** How the field is shown: a number box, a checkbox, a choice, or text read by `accepts`. */
  kind: "number" | "integer" | "boolean" | "enum" | "text";
  /** Every JSON type the schema accepts here (text fields are read as the first that fits). */
  accepts: ReadonlySet<JsonType>;
  options?: string[];
  min?: number;
  max?: number;
  placeholder?: string;
};

type Schema = {
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  title?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
};

const asSchema = (value: unknown): Schema => (typeof value === "object" && value !== null ? (value as Schema) : {});

function typesOf(schema: Schema): Set<JsonType> {
  const types = new Set<JsonType>();
  if (Array.isArray(schema.type)) schema.type.forEach((t) => types.add(t));
  else if (schema.type) types.add(schema.type);
  for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) typesOf(asSchema(member)).forEach((t) => types.add(t));
  if (schema.enum || schema.const !== undefined) {
    for (const v of schema.enum ?? [schema.const]) types.add(typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "string");
  }
  return types;
}

/** Strings a field may take, when it is a closed choice. */
function choices(schema: Schema): string[] | undefined {
  if (schema.enum?.every((v) => typeof v === "string")) return schema.enum as string[];
  const members = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map(asSchema);
  if (members.length > 0 && members.every((m) => typeof m.const === "string")) return members.map((m) => m.const as string);
  return undefined;
}

/** An example of what to type into a field that takes a list. */
function listPlaceholder(schema: Schema): string | undefined {
  const lists = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map(asSchema).filter((s) => typesOf(s).has("array"));
  if (lists.length === 0) return undefined;
  const nested = lists.some((s) => typesOf(asSchema(s.items)).has("array"));
  return nested ? "[[1, 2], [3, 4]]" : typesOf(asSchema(lists[0]!.items)).has("string") ? '["…", "…"]' : "1, 2, 3";
}

/** The fields of an object schema, required ones first, each in the schema's own order. */
export function fieldsOf(inputSchema: unknown): Field[] {
  const schema = asSchema(inputSchema);
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, raw]): Field => {
    const property = asSchema(raw);
    const accepts = typesOf(property);
    const options = choices(property);
    const only = (...types: JsonType[]) => accepts.size > 0 && [...accepts].every((t) => types.includes(t));
    const kind: Field["kind"] = options
      ? "enum"
      : only("boolean")
        ? "boolean"
        : only("integer")
          ? "integer"
          : only("number", "integer")
            ? "number"
            : "text";
    const example = property.default !== undefined ? String(property.default) : accepts.has("string") ? undefined : listPlaceholder(property);
    return {
      name,
      label: property.title ?? name,
      required: required.has(name),
      kind,
      accepts: accepts.size > 0 ? accepts : new Set<JsonType>(["string"]),
      ...(property.description ? { description: property.description } : {}),
      ...(options ? { options } : {}),
      ...(property.minimum !== undefined ? { min: property.minimum } : {}),
      ...(property.maximum !== undefined ? { max: property.maximum } : {}),
      ...(example !== undefined ? { placeholder: example } : {}),
    };
  });
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

export type Coerced = { value: unknown } | { omit: true } | { error: string };

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** What a person typed (or ticked) in a field, as the value to send; empty optional fields are left out. */
export function coerce(field: Field, input: string | boolean): Coerced {
  if (typeof input === "boolean") return input || field.required ? { value: input } : { omit: true };
  const text = input.trim();
  if (text === "") return field.required ? { error: `${field.label} is required` } : { omit: true };
  const { accepts } = field;
  if ((accepts.has("number") || accepts.has("integer")) && NUMBER.test(text)) {
    const value = Number(text);
    if (!accepts.has("number") && !Number.isInteger(value)) return { error: `${field.label} must be a whole number` };
    return { value };
  }
  if ((accepts.has("array") || accepts.has("object")) && /^[[{]/.test(text)) {
    const parsed = parseJson(text);
    if (parsed.ok) return { value: parsed.value };
    if (!accepts.has("string")) return { error: `${field.label}: that is not valid JSON` };
  }
  if (accepts.has("string")) return { value: text };
  if (accepts.has("array")) {
    // "1, 2, 3" for a list of numbers: the brackets are optional.
    const parsed = parseJson(`[${text}]`);
    if (parsed.ok) return { value: parsed.value };
    return { error: `${field.label}: write a list such as 1, 2, 3` };
  }
  if (accepts.has("boolean") && (text === "true" || text === "false")) return { value: text === "true" };
  if (accepts.has("number") || accepts.has("integer")) return { error: `${field.label} must be a number` };
  return { error: `${field.label}: enter a value of type ${[...accepts].join(" or ")}` };
}
