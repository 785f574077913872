/**
 * @module `<math-log>`: the room's log, one entry per event — who, which tool, the arguments, the result
 * (plots inline) or the error, set apart. It follows new entries unless the reader has scrolled up.
 */
import { css, html, LitElement, nothing } from "lit";
import type { PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import type { RoomEvent } from "../shared/events.ts";
import { avatar, avatarStyles } from "./avatar.ts";
import { argumentsText, renderResult, resultText } from "./content-view.ts";
import type { LogGap } from "./room-controller.ts";
import { tokens } from "./theme.ts";

/** Entries rendered at first; older ones wait behind a button, so a long log opens fast. */
const PAGE = 300;
/** Within this many pixels of the bottom counts as reading the newest entries. */
const NEAR_BOTTOM = 32;

const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

/** A failed call: an error in the event, or a result that says it is one. */
export function failureOf(event: RoomEvent): string | undefined {
  if (event.error) return event.error.message;
  if ((event.result as { isError?: unknown } | undefined)?.isError === true) return resultText(event.result) || "The call failed";
  return undefined;
}

/** A result whose text already shows every argument (`2 + 3 = 5`, `r = 7`) needs no arguments line. */
function saysItsArguments(event: RoomEvent): boolean {
  const text = resultText(event.result);
  const args = event.arguments;
  if (!text || typeof args !== "object" || args === null) return false;
  const values = Object.values(args);
  return values.length > 0 && values.every((v) => (typeof v === "string" || typeof v === "number") && text.includes(String(v)));
}

@customElement("math-log")
export class MathLog extends LitElement {
  /** The events to show, oldest first. */
  @property({ attribute: false }) accessor events: RoomEvent[] = [];
  /** Stretches of the log the room no longer keeps. */
  @property({ attribute: false }) accessor gaps: LogGap[] = [];
  /** The reader's own name: their entries are marked. */
  @property() accessor me = "";

  @state() accessor shown = PAGE;
  /** Entries that arrived while the reader was scrolled up. */
  @state() accessor unseen = 0;

  #following = true;

  static override styles = [
    tokens,
    avatarStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        position: relative;
        min-height: 0;
      }
      .scroller {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
        padding: 0.75rem;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        border-radius: var(--_radius);
      }
      .entry {
        display: grid;
        gap: 0.3rem;
        padding: 0.6rem 0.8rem 0.7rem;
        background: var(--_raised);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .entry > * {
        min-width: 0;
      }
      .avatar {
        width: 1.4rem;
        height: 1.4rem;
        font-size: 0.7rem;
        align-self: center;
      }
      .entry.mine {
        border-color: color-mix(in srgb, var(--_accent) 30%, var(--_border));
      }
      .entry.error {
        background: var(--_danger-soft);
        border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
        box-shadow: inset 4px 0 0 var(--_danger);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.15rem 0.5rem;
        font-size: 0.8rem;
        color: var(--_muted);
      }
      .who {
        font-weight: 650;
        color: var(--_text);
      }
      .tool {
        font-family: var(--_mono);
        font-size: 0.78rem;
        padding: 0 0.4rem;
        border-radius: 999px;
        background: var(--_accent-soft);
        color: var(--_accent);
      }
      .when {
        margin-left: auto;
        font-variant-numeric: tabular-nums;
      }
      .args {
        font-family: var(--_mono);
        font-size: 0.8rem;
        color: var(--_muted);
        overflow-wrap: anywhere;
      }
      .text {
        font-family: var(--_mono);
        font-size: 0.95rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .figure {
        margin: 0.4rem 0 0;
      }
      .figure img {
        display: block;
        max-width: 100%;
        height: auto;
        border-radius: calc(var(--_radius) * 0.6);
        background: #fff;
        border: 1px solid var(--_border);
      }
      .failure {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        color: var(--_danger);
        overflow-wrap: anywhere;
      }
      .badge {
        flex: none;
        font-size: 0.7rem;
        font-weight: 700;
        letter-spacing: 0.04em;
        text-transform: uppercase;
        padding: 0.05rem 0.4rem;
        border-radius: 4px;
        color: var(--_bg);
        background: var(--_danger);
      }
      .note,
      .gap,
      .empty {
        font-size: 0.85rem;
        color: var(--_muted);
      }
      .gap {
        text-align: center;
        padding: 0.35rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
      }
      .empty {
        margin: auto;
        max-width: 22rem;
        text-align: center;
        padding: 2rem 1rem;
      }
      .more,
      .jump {
        font: inherit;
        font-size: 0.85rem;
        border: 1px solid var(--_border);
        border-radius: 999px;
        padding: 0.3rem 0.9rem;
        background: var(--_raised);
        color: var(--_text);
        cursor: pointer;
      }
      .more {
        align-self: center;
      }
      .jump {
        position: absolute;
        bottom: 0.75rem;
        left: 50%;
        transform: translateX(-50%);
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_accent-text);
        box-shadow: 0 4px 14px rgb(0 0 0 / 0.15);
      }
    `,
  ];

  override render() {
    const hidden = Math.max(0, this.events.length - this.shown);
    const visible = hidden > 0 ? this.events.slice(hidden) : this.events;
    const gapBefore = new Map(this.gaps.filter((g) => g.from !== null).map((g) => [g.from!, g]));
    return html`
      <div class="scroller" part="scroller" role="log" aria-label="Room log" tabindex="0" @scroll=${this.#onScroll}>
        ${hidden > 0 ? html`<button class="more" @click=${this.#showEarlier}>Show ${Math.min(hidden, PAGE)} earlier entries</button>` : nothing}
        ${this.events.length === 0
          ? html`<p class="empty" part="empty">Nothing here yet. Type a calculation below or call a tool: everyone in the room sees it here.</p>`
          : nothing}
        ${repeat(
          visible,
          (event) => event.seq,
          (event) => html`${gapBefore.has(event.seq) ? this.#gap(gapBefore.get(event.seq)!) : nothing}${this.#entry(event)}`,
        )}
        ${this.gaps.filter((g) => g.from === null).map((g) => this.#gap(g))}
      </div>
      ${this.unseen > 0
        ? html`<button class="jump" part="jump" @click=${() => this.scrollToEnd()}>↓ ${this.unseen} new ${this.unseen === 1 ? "entry" : "entries"}</button>`
        : nothing}
    `;
  }

  #entry(event: RoomEvent) {
    const failure = failureOf(event);
    const classes = ["entry", failure !== undefined ? "error" : "", event.by === this.me ? "mine" : ""].join(" ");
    const at = new Date(event.at);
    return html`
      <article class=${classes} part=${failure !== undefined ? "entry entry-error" : "entry"} data-seq=${event.seq} aria-label=${`${event.by}: ${event.tool}`}>
        <div class="meta">
          ${avatar(event.by)}
          <span class="who">${event.by}</span>
          <span class="tool">${event.tool}</span>
          <span class="seq">#${event.seq}</span>
          <time class="when" datetime=${event.at} title=${at.toLocaleString()}>${Number.isNaN(at.getTime()) ? "" : time.format(at)}</time>
        </div>
        ${failure === undefined && saysItsArguments(event) ? nothing : html`<div class="args" part="arguments">${argumentsText(event.arguments)}</div>`}
        ${failure !== undefined
          ? html`<div class="failure" part="error" role="note"><span class="badge">Error</span><span>${failure}</span></div>`
          : html`<div class="result" part="result">${renderResult(event.result, event.tool)}</div>`}
      </article>
    `;
  }

  #gap(gap: LogGap) {
    const text =
      gap.from === null
        ? `Entries after #${gap.since} are no longer kept by the room.`
        : gap.from - 1 > gap.since + 1
          ? `Entries #${gap.since + 1}–#${gap.from - 1} are no longer kept by the room.`
          : `Entry #${gap.since + 1} is no longer kept by the room.`;
    return html`<div class="gap" part="gap" role="note">${text}</div>`;
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector(".scroller");
  }

  /** Scrolls to the newest entry and follows new ones again. */
  scrollToEnd(): void {
    const scroller = this.#scroller;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
    this.#following = true;
    if (this.unseen !== 0) this.unseen = 0;
  }

  #onScroll = () => {
    const s = this.#scroller!;
    this.#following = s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_BOTTOM;
    if (this.#following) this.unseen = 0;
  };

  /** A plot that finished loading made the log taller: stay at the bottom if the reader was there. */
  #onMediaLoad = () => {
    if (this.#following) this.scrollToEnd();
  };

  #showEarlier = () => {
    const scroller = this.#scroller!;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    this.shown += PAGE;
    // Keep the entry being read where it is while older ones appear above it.
    void this.updateComplete.then(() => (scroller.scrollTop = scroller.scrollHeight - fromBottom));
  };

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has("events")) return;
    const before = (changed.get("events") as RoomEvent[] | undefined) ?? [];
    const added = this.events.length - before.length;
    if (added > 0 && !this.#following) this.unseen += added;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has("events") && this.#following) this.scrollToEnd();
  }

  override firstUpdated(): void {
    // load does not bubble: listen in the capture phase for images anywhere in the log.
    this.#scroller!.addEventListener("load", this.#onMediaLoad, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-log": MathLog;
  }
}
