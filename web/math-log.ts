/**
 * @module `<math-log>`: the room's log, one entry per event — who, which tool, the arguments, the result
 * (plots inline) or the error, set apart. It follows new entries unless the reader has scrolled up.
 */
import { html, LitElement, nothing } from "lit";
import type { PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import type { RoomEvent } from "../shared/events.ts";
import { avatar } from "./avatar.ts";
import { argumentsText, renderResult, resultText } from "./content-view.ts";
import { logStyles } from "./math-log.styles.ts";
import type { LogGap } from "./room-controller.ts";

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
  /** The log's height when it was last scrolled to the end: growing is not the reader scrolling away. */
  #pinnedHeight = 0;
  /** Plots load after they are placed, and fonts arrive late: the log grows, and a follower stays at the end. */
  readonly #growth = new ResizeObserver(() => {
    if (this.#following) this.scrollToEnd();
  });

  static override styles = logStyles;

  override render() {
    const hidden = Math.max(0, this.events.length - this.shown);
    const visible = hidden > 0 ? this.events.slice(hidden) : this.events;
    const gapBefore = new Map(this.gaps.filter((g) => g.from !== null).map((g) => [g.from!, g]));
    return html`
      <div class="scroller" part="scroller" role="log" aria-label="Room log" tabindex="0" @scroll=${this.#onScroll}>
        <div class="entries">
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
    if (scroller) {
      scroller.scrollTop = scroller.scrollHeight;
      this.#pinnedHeight = scroller.scrollHeight;
    }
    this.#following = true;
    if (this.unseen !== 0) this.unseen = 0;
  }

  #onScroll = () => {
    const s = this.#scroller!;
    if (this.#following && s.scrollHeight !== this.#pinnedHeight) return this.scrollToEnd();
    this.#following = s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_BOTTOM;
    if (this.#following && this.unseen !== 0) this.unseen = 0;
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
    this.#growth.observe(this.renderRoot.querySelector(".entries")!);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#growth.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const entries = this.renderRoot?.querySelector(".entries");
    if (entries) this.#growth.observe(entries);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-log": MathLog;
  }
}
