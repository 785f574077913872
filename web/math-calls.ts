/**
 * @module `<math-calls>`: this page's calls still running, each with a progress bar when the tool
 * reports progress (a busy bar when it has not said how far it is), and a button to cancel it.
 */
import { css, html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { cancelEvent } from "./events.ts";
import type { CallInFlight } from "./room-controller.ts";
import { controls, tokens } from "./theme.ts";

@customElement("math-calls")
export class MathCalls extends LitElement {
  /** The calls in flight, oldest first. */
  @property({ attribute: false }) accessor calls: CallInFlight[] = [];

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: 0.2rem 0.75rem;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_raised);
        font-size: 0.85rem;
      }
      .what {
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tool {
        font-family: var(--_mono);
        font-weight: 600;
      }
      .message {
        color: var(--_muted);
      }
      progress {
        grid-column: 1 / -1;
        width: 100%;
        height: 0.4rem;
        appearance: none;
        border: none;
        border-radius: 999px;
        overflow: hidden;
        background: var(--_accent-soft);
        accent-color: var(--_accent);
      }
      progress::-webkit-progress-bar {
        background: var(--_accent-soft);
      }
      progress::-webkit-progress-value {
        background: var(--_accent);
        border-radius: 999px;
        transition: width 0.15s ease-out;
      }
      progress::-moz-progress-bar {
        background: var(--_accent);
      }
      button {
        min-height: 2rem;
        padding: 0.2rem 0.6rem;
        font-size: 0.8rem;
      }
    `,
  ];

  override render() {
    if (this.calls.length === 0) return nothing;
    return html`<ul part="calls" aria-label="Calls running">
      ${repeat(
        this.calls,
        (call) => call.id,
        (call) => {
          const percent = call.total ? Math.round((100 * (call.progress ?? 0)) / call.total) : undefined;
          const label = `${call.tool}: ${percent !== undefined ? `${percent}%` : "running"}`;
          return html`<li part="call" data-call=${call.id}>
            <span class="what"
              ><span class="tool">${call.tool}</span>
              <span class="message">${call.message ?? (percent !== undefined ? `${percent}%` : "running…")}</span></span
            >
            <button class="quiet" part="cancel" aria-label=${`Cancel ${call.tool}`} @click=${() => this.dispatchEvent(cancelEvent(call.id))}>Cancel</button>
            ${call.total
              ? html`<progress part="progress" max=${call.total} .value=${call.progress ?? 0} aria-label=${label}></progress>`
              : html`<progress part="progress" aria-label=${label}></progress>`}
          </li>`;
        },
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-calls": MathCalls;
  }
}
