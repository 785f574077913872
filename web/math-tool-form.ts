/**
 * @module `<math-tool-form>`: pick any of the room's tools and call it by hand, with a form generated
 * from the tool's `inputSchema`: numbers, choices, checkboxes, and text read as the schema asks.
 */
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { keyed } from "lit/directives/keyed.js";
import type { Tool } from "@modelcontextprotocol/client";
import { callEvent } from "./events.ts";
import { coerce, fieldsOf } from "./schema-fields.ts";
import type { Field } from "./schema-fields.ts";
import { controls, tokens } from "./theme.ts";

@customElement("math-tool-form")
export class MathToolForm extends LitElement {
  /** The room's tools, as tools/list gives them. */
  @property({ attribute: false }) accessor tools: Tool[] = [];
  /** The tool chosen (its name); by default the first. */
  @property() accessor selected = "";

  /** Messages for fields that cannot be sent as they are, by field name. */
  @state() accessor problems: Record<string, string> = {};

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 0.85rem;
      }
      .field {
        display: grid;
        gap: 0.3rem;
      }
      .name {
        font-family: var(--_mono);
      }
      .required {
        color: var(--_danger);
        font-weight: 400;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .check input {
        width: 1.1rem;
        height: 1.1rem;
        accent-color: var(--_accent);
      }
      .description {
        margin: 0;
        font-size: 0.875rem;
        color: var(--_muted);
      }
      .problem {
        font-size: 0.8rem;
        color: var(--_danger);
      }
      details {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.1rem 0.75rem;
      }
      details[open] {
        padding-bottom: 0.75rem;
      }
      summary {
        cursor: pointer;
        padding: 0.5rem 0;
        font-size: 0.85rem;
        color: var(--_muted);
        border-radius: 4px;
      }
      .optional {
        display: grid;
        gap: 0.85rem;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
      }
    `,
  ];

  get #tool(): Tool | undefined {
    return this.tools.find((t) => t.name === this.selected) ?? this.tools[0];
  }

  override render() {
    const tool = this.#tool;
    if (!tool) return html`<p class="description">No tools yet.</p>`;
    const fields = fieldsOf(tool.inputSchema);
    return html`
      <form part="form" novalidate @submit=${(e: Event) => this.#submit(e, tool, fields)}>
        <div class="field">
          <label for="tool">Tool</label>
          <select id="tool" part="tool-select" .value=${tool.name} @change=${this.#choose}>
            ${this.tools.map((t) => html`<option value=${t.name} ?selected=${t.name === tool.name}>${t.name}${t.title ? ` — ${t.title}` : ""}</option>`)}
          </select>
          ${tool.description ? html`<p class="description" part="description">${tool.description}</p>` : nothing}
        </div>
        ${keyed(tool.name, this.#fields(fields))}
        <div class="actions">
          <button class="primary" part="submit">Call ${tool.name}</button>
        </div>
      </form>
    `;
  }

  /** Required fields in view; optional ones folded away when there are several, so the form stays short. */
  #fields(fields: Field[]) {
    const required = fields.filter((f) => f.required);
    const optional = fields.filter((f) => !f.required);
    if (optional.length < 3) return fields.map((f) => this.#field(f));
    const open = optional.some((f) => this.problems[f.name]);
    return html`${required.map((f) => this.#field(f))}
      <details part="optional" ?open=${open}>
        <summary>Optional: ${optional.map((f) => f.label).join(", ")}</summary>
        <div class="optional">${optional.map((f) => this.#field(f))}</div>
      </details>`;
  }

  #field(field: Field) {
    const id = `field-${field.name}`;
    const problem = this.problems[field.name];
    const described = [field.description ? `${id}-hint` : "", problem ? `${id}-problem` : ""].filter(Boolean).join(" ");
    const hint = field.description ? html`<span class="hint" id="${id}-hint">${field.description}</span>` : nothing;
    const problemText = problem ? html`<span class="problem" id="${id}-problem" role="alert">${problem}</span>` : nothing;
    const label = html`<span class="name">${field.label}</span>${field.required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}`;
    if (field.kind === "boolean") {
      return html`<div class="field">
        <span class="check"><input type="checkbox" id=${id} name=${field.name} aria-describedby=${described || nothing} /><label for=${id}>${label}</label></span>
        ${hint}${problemText}
      </div>`;
    }
    const control =
      field.kind === "enum"
        ? html`<select id=${id} name=${field.name} aria-describedby=${described || nothing} ?required=${field.required}>
            ${field.required ? nothing : html`<option value="">(default)</option>`}
            ${field.options!.map((o) => html`<option value=${o}>${o}</option>`)}
          </select>`
        : html`<input
            id=${id}
            name=${field.name}
            type=${field.kind === "number" || field.kind === "integer" ? "number" : "text"}
            step=${field.kind === "integer" ? "1" : "any"}
            min=${field.min ?? nothing}
            max=${field.max ?? nothing}
            inputmode=${field.kind === "integer" ? "numeric" : field.kind === "number" ? "decimal" : nothing}
            placeholder=${field.placeholder ?? nothing}
            autocomplete="off"
            spellcheck="false"
            ?required=${field.required}
            aria-invalid=${problem ? "true" : "false"}
            aria-describedby=${described || nothing}
          />`;
    return html`<div class="field"><label for=${id}>${label}</label>${control}${hint}${problemText}</div>`;
  }

  #choose(e: Event) {
    this.selected = (e.target as HTMLSelectElement).value;
    this.problems = {};
  }

  #submit(e: Event, tool: Tool, fields: Field[]) {
    e.preventDefault();
    const args: Record<string, unknown> = {};
    const problems: Record<string, string> = {};
    for (const field of fields) {
      // An input or a select: both have a value, and only a checkbox input is read by `checked`.
      const control = this.renderRoot.querySelector(`#field-${CSS.escape(field.name)}`) as HTMLInputElement | null;
      if (!control) continue;
      const input = control.type === "checkbox" ? control.checked : control.value;
      const read = coerce(field, input);
      if ("error" in read) problems[field.name] = read.error;
      else if ("value" in read) args[field.name] = read.value;
    }
    this.problems = problems;
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#field-${CSS.escape(first)}`)?.focus());
      return;
    }
    this.dispatchEvent(callEvent({ tool: tool.name, arguments: args }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-tool-form": MathToolForm;
  }
}
