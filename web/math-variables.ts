/**
 * @module `<math-variables>`: the variables and functions the room has defined (with `evaluate`),
 * shared by everyone in it, their values typeset once the expression parser is here (the log loads it).
 * Choosing one puts its name into the expression input.
 */
import { css, html, LitElement, nothing } from "lit";
import type { PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { insertEvent } from "./events.ts";
import type { RoomVariable } from "./room-client.ts";
import "./math-tex.ts";
import { tokens } from "./theme.ts";
import { loadParser, parserLoaded } from "./typeset.ts";

@customElement("math-variables")
export class MathVariables extends LitElement {
  @property({ attribute: false }) accessor variables: RoomVariable[] = [];

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: minmax(0, auto) minmax(0, 1fr);
        gap: 0.3rem 0.75rem;
        font-family: var(--_mono);
        font-size: 0.85rem;
      }
      dt button {
        font: inherit;
        font-weight: 700;
        color: var(--_accent);
        background: none;
        border: none;
        border-radius: 4px;
        padding: 0;
        cursor: pointer;
      }
      dd {
        margin: 0;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      dd math-tex {
        display: block;
        width: fit-content;
        font-size: 0.95rem;
      }
      .by {
        display: block;
        font-family: var(--_font);
        font-size: 0.72rem;
        color: var(--_muted);
      }
      .empty {
        margin: 0;
        font-size: 0.8rem;
        color: var(--_muted);
      }
      code {
        font-family: var(--_mono);
      }
    `,
  ];

  override render() {
    if (this.variables.length === 0) {
      return html`<p class="empty">None yet. <code>r = 7</code> or <code>f(x) = x^2</code> defines one for everyone.</p>`;
    }
    return html`<dl part="list">
      ${repeat(
        this.variables,
        (v) => v.name,
        (v) => html`<dt part="name">
            <button title="Use ${v.name} in an expression" @click=${() => this.#use(v)}>${v.kind === "function" ? `${v.name}()` : v.name}</button>
          </dt>
          <dd part="value">${this.#value(v.display, v.kind === "function" ? "" : "= ")}${v.by ? html`<span class="by">by ${v.by}</span>` : nothing}</dd>`,
      )}
    </dl>`;
  }

  /** The value (`= 7`) or the function's definition typeset, as the text it is until the parser is here. */
  #value(text: string, before: string) {
    const typeset = parserLoaded()?.expressionTex(text);
    if (!typeset || !("tex" in typeset)) return `${before}${text}`;
    return html`<math-tex part="value-math" .latex=${`\\displaystyle ${before}${typeset.tex}`} .fallback=${`${before}${text}`}></math-tex>`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("variables") && this.variables.length > 0 && !parserLoaded()) loadParser().then(() => this.requestUpdate(), () => {});
  }

  #use(variable: RoomVariable) {
    this.dispatchEvent(insertEvent(variable.kind === "function" ? `${variable.name}(` : variable.name));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-variables": MathVariables;
  }
}
