/**
 * @module `<math-participants>`: who is in the room — people in web pages, agents over MCP, scripts —
 * with joins and leaves as they happen (also said aloud to screen readers).
 */
import { css, html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import type { Participant } from "../shared/events.ts";
import { avatar, avatarStyles } from "./avatar.ts";
import { CLIENT_NAME } from "./room-client.ts";
import type { Presence } from "./room-client.ts";
import { tokens } from "./theme.ts";

/** What kind of participant, in words a person knows. */
export function kindOf(p: Participant): string {
  if (p.kind === "seed") return "script";
  if (p.client === CLIENT_NAME) return "web";
  return p.kind === "http" ? "agent · HTTP" : "agent";
}

@customElement("math-participants")
export class MathParticipants extends LitElement {
  @property({ attribute: false }) accessor participants: Participant[] = [];
  /** The latest join or leave, announced under the list. */
  @property({ attribute: false }) accessor latest: Presence | undefined;
  /** The reader's own name: their entry says "you". */
  @property() accessor me = "";

  static override styles = [
    tokens,
    avatarStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.35rem;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.55rem;
        min-width: 0;
      }
      .name {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-weight: 550;
      }
      .you {
        font-weight: 400;
        color: var(--_muted);
      }
      .kind {
        flex: none;
        font-size: 0.72rem;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        border: 1px solid var(--_border);
        color: var(--_muted);
      }
      .activity,
      .empty {
        margin: 0.5rem 0 0;
        font-size: 0.8rem;
        color: var(--_muted);
      }
    `,
  ];

  /** You first, then everyone by name: the list keeps its order when people reconnect. */
  #sorted(): Participant[] {
    const mine = (p: Participant) => (p.name === this.me && p.client === CLIENT_NAME ? 0 : 1);
    return [...this.participants].sort((a, b) => mine(a) - mine(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  override render() {
    const latest = this.latest;
    return html`
            <ul part="list" aria-label="People in the room">
        ${repeat(
          this.#sorted(),
          (p) => p.id,
          (p) => html`<li part="participant" data-participant=${p.id}>
            ${avatar(p.name)}
            <span class="name">${p.name}${p.name === this.me && p.client === CLIENT_NAME ? html` <span class="you">(you)</span>` : nothing}</span>
            <span class="kind">${kindOf(p)}</span>
          </li>`,
        )}
      </ul>
      ${this.participants.length === 1 ? html`<p class="empty">Just you so far: share the link to invite someone.</p>` : nothing}
      <p class="activity" part="activity" aria-live="polite">${latest ? `${latest.participant.name} ${latest.event === "joined" ? "joined" : "left"}` : ""}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-participants": MathParticipants;
  }
}
