/**
 * @module The prompt registry: named message templates with arguments, and their completions.
 */
import { ErrorCode, McpError } from "../engine/errors.ts";
import type { InputRequests, InputResponses } from "../tools/interrupt.ts";

export type PromptArgument = { name: string; title?: string; description?: string; required?: boolean };

export type PromptContent =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string }
  | { type: "resource"; resource: { uri: string; mimeType?: string; text: string } };

export type PromptMessage = { role: "user" | "assistant"; content: PromptContent };

export type PromptResult = { description?: string; messages: PromptMessage[] };

/** What a prompt may use besides its arguments: input from the client (see ToolContext.ask). */
export type PromptContext = { ask(requests: InputRequests): Promise<InputResponses> };

export type PromptDefinition = {
  name: string;
  title?: string;
  description: string;
  arguments?: PromptArgument[];
  get(args: Record<string, string>, context: PromptContext): PromptResult | Promise<PromptResult>;
  /** Values that complete an argument (completion/complete). */
  complete?(argument: string, value: string, context: Record<string, string>): string[];
};

export class PromptRegistry {
  readonly #prompts = new Map<string, PromptDefinition>();

  register(...prompts: PromptDefinition[]): this {
    for (const prompt of prompts) this.#prompts.set(prompt.name, prompt);
    return this;
  }

  list(): Record<string, unknown>[] {
    return [...this.#prompts.values()].map(({ get: _get, complete: _complete, ...described }) => described);
  }

  async get(name: string, args: Record<string, string>, context: PromptContext): Promise<PromptResult> {
    const prompt = this.#require(name);
    const missing = (prompt.arguments ?? []).filter((a) => a.required && !(a.name in args)).map((a) => a.name);
    if (missing.length) throw new McpError(ErrorCode.InvalidParams, `Prompt ${name} needs argument${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    return prompt.get(args, context);
  }

  complete(name: string, argument: string, value: string, context: Record<string, string>): string[] {
    return this.#require(name).complete?.(argument, value, context) ?? [];
  }

  #require(name: string): PromptDefinition {
    const prompt = this.#prompts.get(name);
    if (!prompt) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name}`);
    return prompt;
  }
}
