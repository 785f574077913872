/**
 * @module `<math-share>`: the link that brings a person into this room, and the MCP address that brings
 * an agent, each with a copy button.
 */
import { css, html, LitElement } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { controls, tokens } from "./theme.ts";

@customElement("math-share")
export class MathShare extends LitElement {
  /** The page link for people. */
  @property() accessor link = "";
  /** The room's MCP endpoint, for agents. */
  @property() accessor mcp = "";

  @state() accessor copied = "";

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 0.75rem;
      }
      .row {
        display: grid;
        gap: 0.3rem;
      }
      .copy {
        display: flex;
        gap: 0.4rem;
      }
      input {
        font-family: var(--_mono);
        font-size: 0.8rem;
        min-height: 2.25rem;
        background: var(--_surface);
      }
      button {
        min-height: 2.25rem;
        min-width: 4.75rem;
        font-size: 0.85rem;
      }
    `,
  ];

  override render() {
    return html`
      ${this.#row("link", "Link for people", this.link)}
      ${this.#row("mcp", "MCP endpoint for agents", this.mcp)}
    `;
  }

  #row(id: string, label: string, value: string) {
    return html`<div class="row" part="row">
      <label for=${id}>${label}</label>
      <div class="copy">
        <input id=${id} part="url" readonly .value=${value} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button part="copy" aria-label=${`Copy the ${label.toLowerCase()}`} @click=${() => this.#copy(id, value)}>${this.copied === id ? "Copied" : "Copy"}</button>
      </div>
    </div>`;
  }

  async #copy(id: string, value: string) {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard (an insecure page, a denied permission): select the text for the person to copy.
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
      input?.focus();
      input?.select();
      return;
    }
    this.copied = id;
    setTimeout(() => this.copied === id && (this.copied = ""), 1500);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-share": MathShare;
  }
}
