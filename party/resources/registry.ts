/**
 * @module The resource registry: fixed resources and URI templates, read on request.
 */
import { ErrorCode, McpError } from "../engine/errors.ts";

export type ResourceContents =
  | { uri: string; mimeType?: string; text: string }
  | { uri: string; mimeType?: string; blob: string };

type Described = { name: string; title?: string; description?: string; mimeType?: string };

export type ResourceDefinition = Described & {
  uri: string;
  read(): ResourceContents[] | Promise<ResourceContents[]>;
};

export type ResourceTemplateDefinition = Described & {
  /** RFC 6570 level 1: `room://variables/{name}`. */
  uriTemplate: string;
  read(variables: Record<string, string>, uri: string): ResourceContents[] | Promise<ResourceContents[]>;
  /** Values that complete a template variable (completion/complete). */
  complete?(variable: string, value: string): string[];
};

/** Compiles a level-1 URI template to a matcher: `a/{x}/b` matches `a/1/b` with x = "1". */
function compile(template: string): (uri: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const regex = new RegExp(`^${pattern}$`);
  return (uri) => {
    const match = regex.exec(uri);
    if (!match) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
  };
}

export class ResourceRegistry {
  readonly #resources = new Map<string, ResourceDefinition>();
  readonly #templates: { definition: ResourceTemplateDefinition; match: ReturnType<typeof compile> }[] = [];

  resource(...definitions: ResourceDefinition[]): this {
    for (const d of definitions) this.#resources.set(d.uri, d);
    return this;
  }

  template(...definitions: ResourceTemplateDefinition[]): this {
    for (const d of definitions) this.#templates.push({ definition: d, match: compile(d.uriTemplate) });
    return this;
  }

  list(): Record<string, unknown>[] {
    return [...this.#resources.values()].map(({ read: _read, ...described }) => described);
  }

  listTemplates(): Record<string, unknown>[] {
    return this.#templates.map(({ definition: { read: _read, complete: _complete, ...described } }) => described);
  }

  /** Whether a URI names a resource (fixed or through a template), for subscriptions. */
  has(uri: string): boolean {
    return this.#resources.has(uri) || this.#templates.some((t) => t.match(uri) !== undefined);
  }

  async read(uri: string): Promise<ResourceContents[]> {
    const fixed = this.#resources.get(uri);
    if (fixed) return fixed.read();
    for (const { definition, match } of this.#templates) {
      const variables = match(uri);
      if (variables) return definition.read(variables, uri);
    }
    // Legacy sessions get -32002; modern requests get -32602 with the same data (modern/results.ts).
    throw new McpError(ErrorCode.ResourceNotFound, `Resource not found: ${uri}`, { uri });
  }

  complete(uriTemplate: string, variable: string, value: string): string[] {
    const template = this.#templates.find((t) => t.definition.uriTemplate === uriTemplate);
    if (!template) throw new McpError(ErrorCode.InvalidParams, `Unknown resource template: ${uriTemplate}`);
    return template.definition.complete?.(variable, value) ?? [];
  }
}
