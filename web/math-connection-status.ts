/**
 * @module `<math-connection-status>`: a small pill that says whether this page is connected to the room,
 * reconnecting (calls wait and nothing is lost) or offline.
 */
import { css, html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { SessionStatus } from "./room-controller.ts";
import { tokens } from "./theme.ts";

const LABELS: Record<SessionStatus, string> = {
  idle: "Not connected",
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

@customElement("math-connection-status")
export class MathConnectionStatus extends LitElement {
  @property({ reflect: true }) accessor status: SessionStatus = "idle";

  static override styles = [
    tokens,
    css`
      :host {
        display: inline-flex;
      }
      span {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        padding: 0.2rem 0.65rem;
        border-radius: 999px;
        font-size: 0.8rem;
        font-weight: 600;
        white-space: nowrap;
        color: var(--_muted);
        background: var(--_surface);
        border: 1px solid var(--_border);
      }
      span::before {
        content: "";
        width: 0.5rem;
        height: 0.5rem;
        border-radius: 50%;
        background: currentColor;
      }
      :host([status="connected"]) span {
        color: var(--_ok);
      }
      :host([status="reconnecting"]) span,
      :host([status="connecting"]) span {
        color: var(--_warn);
      }
      :host([status="reconnecting"]) span::before,
      :host([status="connecting"]) span::before {
        animation: pulse 1s ease-in-out infinite alternate;
      }
      :host([status="offline"]) span {
        color: var(--_danger);
      }
      @keyframes pulse {
        to {
          opacity: 0.25;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        span::before {
          animation: none !important;
        }
      }
    `,
  ];

  override render() {
    return html`<span part="pill" role="status" aria-live="polite">${LABELS[this.status]}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-connection-status": MathConnectionStatus;
  }
}
