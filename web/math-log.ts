/**
 * @module `<math-log>`: the room's log, one entry per event — who, which tool, the call and its result as
 * typeset math (plots inline), notes as rendered Markdown, or the error, set apart; each result is
 * one click from the clipboard as text or as LaTeX. It follows new entries unless the reader has
 * scrolled up.
 */
import { html, LitElement, nothing } from "lit";
import type { PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import type { RoomEvent } from "../shared/events.ts";
import { NOTE_TOOL } from "../shared/notes.ts";
import { avatar } from "./avatar.ts";
import { copyText } from "./clipboard.ts";
import { renderResult } from "./content-view.ts";
import { argumentsText, failureOf, noteOf, resultText, saysItsArguments } from "./event-text.ts";
import { logStyles } from "./math-log.styles.ts";
import "./math-tex.ts";
import { renderNote } from "./note-view.ts";
import type { LogGap } from "./room-controller.ts";
import { loadParser, loadTypesetter, parserLoaded, typesetterLoaded } from "./typeset.ts";

/** Entries rendered at first; older ones wait behind a button, so a long log opens fast. */
const PAGE = 300;
/** Within this many pixels of the bottom counts as reading the newest entries. */
const NEAR_BOTTOM = 32;
/**
 * Typesetting a call takes about a millisecond (mathjs's parser and printer, then KaTeX): the newest
 * entries, those a reader sees first, are typeset at once, older ones a slice at a time when the page is
 * idle, so a long log opens without a pause. Each entry is typeset once.
 */
const TYPESET_FIRST = 40;
const TYPESET_SLICE = 60;

type Statement = { latex?: string; showsArguments: boolean };

const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

/** Long runs of digits may break every ten (a 100-digit factorial wraps instead of scrolling). */
const breakable = (latex: string) => latex.replace(/\d{21,}/g, (digits) => digits.replace(/(\d{10})(?=\d)/g, "$1\\allowbreak "));

/**
 * @csspart scroller - the scrolling box (role="log").
 * @csspart entry - one event; also `entry-error` for a failed call and `entry-note` for a note.
 * @csspart math - a result typeset as math.
 * @csspart note - a note's rendered Markdown.
 * @csspart copy - the copy buttons of an entry.
 * @csspart result-text, figure, image, error, arguments, gap, jump, empty
 */
@customElement("math-log")
export class MathLog extends LitElement {
  /** The events to show, oldest first. */
  @property({ attribute: false }) accessor events: RoomEvent[] = [];
  /** Stretches of the log the room no longer keeps. */
  @property({ attribute: false }) accessor gaps: LogGap[] = [];
  /** The reader's own name: their entries are marked. */
  @property() accessor me = "";

  @state() accessor shown = PAGE;
  /** How many of the newest shown entries are typeset (the rest follow when the page is idle). */
  @state() accessor typeset = TYPESET_FIRST;
  /** The entry whose text or LaTeX was just copied, for a moment's "Copied". */
  @state() accessor copied: { seq: number; what: string } | undefined;
  /** Entries that arrived while the reader was scrolled up. */
  @state() accessor unseen = 0;

  #following = true;
  /** The log's height when it was last scrolled to the end: growing is not the reader scrolling away. */
  #pinnedHeight = 0;
  /** The visible height then: a preview opening under the log shrinks it, and that is not scrolling away either. */
  #pinnedClient = 0;
  /**
   * Plots load after they are placed, formulas and fonts arrive late, the composer grows under the log:
   * the log or its window changes size, and a follower stays at the end.
   */
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
          ? html`<p class="empty" part="empty">Nothing here yet. Type a calculation or write a note below, or call a tool: everyone in the room sees it here.</p>`
          : nothing}
        ${repeat(
          visible,
          (event) => event.seq,
          (event, i) => html`${gapBefore.has(event.seq) ? this.#gap(gapBefore.get(event.seq)!) : nothing}${this.#entry(event, visible.length - i <= this.typeset)}`,
        )}
        ${this.gaps.filter((g) => g.from === null).map((g) => this.#gap(g))}
        </div>
      </div>
      ${this.unseen > 0
        ? html`<button class="jump" part="jump" @click=${() => this.scrollToEnd()}>↓ ${this.unseen} new ${this.unseen === 1 ? "entry" : "entries"}</button>`
        : nothing}
      <span class="visually-hidden" role="status">${this.copied ? `Copied #${this.copied.seq} to the clipboard` : ""}</span>
    `;
  }

  /** Statements already made, by event; one made without the parser is made again once it is here. */
  readonly #statements = new WeakMap<RoomEvent, { math: Statement; parser: boolean }>();

  #statement(event: RoomEvent): Statement {
    const typesetter = typesetterLoaded();
    if (!typesetter) return { showsArguments: false };
    const parser = parserLoaded();
    const made = this.#statements.get(event);
    if (made && (made.parser || !parser)) return made.math;
    const math = typesetter.entryMath(event, parser);
    this.#statements.set(event, { math, parser: parser !== undefined });
    return math;
  }

  #entry(event: RoomEvent, typeset: boolean) {
    const note = noteOf(event);
    if (note !== undefined) return this.#note(event, note);
    const failure = failureOf(event);
    const math: Statement = failure === undefined && typeset ? this.#statement(event) : { showsArguments: false };
    const showsArguments = math.latex !== undefined ? math.showsArguments : saysItsArguments(event);
    const classes = ["entry", failure !== undefined ? "error" : "", event.by === this.me ? "mine" : ""].join(" ");
    const text = failure ?? resultText(event.result);
    return html`
      <article class=${classes} part=${failure !== undefined ? "entry entry-error" : "entry"} data-seq=${event.seq} aria-label=${`${event.by}: ${event.tool}`}>
        ${this.#meta(event, this.#copyButtons(event.seq, [
          ["text", "Copy text", text],
          ["latex", "Copy LaTeX", math.latex ?? ""],
        ]))}
        ${failure === undefined && showsArguments ? nothing : html`<div class="args" part="arguments">${argumentsText(event.arguments)}</div>`}
        ${failure !== undefined
          ? html`<div class="failure" part="error" role="note"><span class="badge">Error</span><span>${failure}</span></div>`
          : html`<div class="result" part="result">
              ${math.latex !== undefined
                ? html`<math-tex class="statement" part="math" .latex=${`\\displaystyle ${breakable(math.latex)}`} .fallback=${text || math.latex}></math-tex>${renderResult(event.result, event.tool, { text: false })}`
                : renderResult(event.result, event.tool)}
            </div>`}
      </article>
    `;
  }

  #note(event: RoomEvent, markdown: string) {
    return html`
      <article class="entry noted ${event.by === this.me ? "mine" : ""}" part="entry entry-note" data-seq=${event.seq} aria-label=${`${event.by}: note`}>
        ${this.#meta(event, this.#copyButtons(event.seq, [["markdown", "Copy Markdown", markdown]]))}
        <div class="note-body" part="note">${renderNote(markdown, typesetterLoaded())}</div>
      </article>
    `;
  }

  #meta(event: RoomEvent, actions: unknown) {
    const at = new Date(event.at);
    return html`<div class="meta">
      ${avatar(event.by)}
      <span class="who">${event.by}</span>
      <span class="tool">${event.tool}</span>
      <span class="seq">#${event.seq}</span>
      <span class="end">
        ${actions}
        <time class="when" datetime=${event.at} title=${at.toLocaleString()}>${Number.isNaN(at.getTime()) ? "" : time.format(at)}</time>
      </span>
    </div>`;
  }

  /** One click copies: `[what, label, text]`; a button with nothing to copy is left out. */
  #copyButtons(seq: number, choices: [string, string, string][]) {
    const available = choices.filter(([, , text]) => text !== "");
    if (available.length === 0) return nothing;
    return html`<div class="copy" part="copy">
      ${available.map(([what, label, text]) => {
        const done = this.copied?.seq === seq && this.copied.what === what;
        return html`<button class="copy-button" aria-label=${`${label} of #${seq}`} @click=${() => this.#copy(seq, what, text)}>${done ? "Copied" : label}</button>`;
      })}
    </div>`;
  }

  #copyTimer?: ReturnType<typeof setTimeout>;

  async #copy(seq: number, what: string, text: string) {
    if (!(await copyText(text, this.renderRoot as ShadowRoot))) return;
    this.copied = { seq, what };
    clearTimeout(this.#copyTimer);
    this.#copyTimer = setTimeout(() => (this.copied = undefined), 1500);
  }

  /**
   * Entries want the renderer (KaTeX, and what turns calls and notes into math), and calls in mathjs
   * syntax the parser: both start loading, side by side, as soon as the first entry arrives; the entries
   * render again when they are here. Until then (and offline) they show as text.
   */
  #loadRenderers(): void {
    if (this.events.length === 0) return;
    if (!typesetterLoaded()) loadTypesetter().then(() => this.requestUpdate(), () => {});
    if (!parserLoaded() && this.events.some((e) => e.tool !== NOTE_TOOL)) loadParser().then(() => this.requestUpdate(), () => {});
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
      this.#pinnedClient = scroller.clientHeight;
    }
    this.#following = true;
    if (this.unseen !== 0) this.unseen = 0;
  }

  #onScroll = () => {
    const s = this.#scroller!;
    if (this.#following && (s.scrollHeight !== this.#pinnedHeight || s.clientHeight !== this.#pinnedClient)) return this.scrollToEnd();
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
    this.#loadRenderers();
    const before = (changed.get("events") as RoomEvent[] | undefined) ?? [];
    const added = this.events.length - before.length;
    if (added > 0 && !this.#following) this.unseen += added;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has("events") && this.#following) this.scrollToEnd();
    if (this.typeset < Math.min(this.events.length, this.shown) && typesetterLoaded()) this.#typesetMore();
  }

  #idle?: number;

  /** Typesets the next slice of older entries when the page has a moment. */
  #typesetMore(): void {
    if (this.#idle !== undefined) return;
    const more = () => {
      this.#idle = undefined;
      this.typeset += TYPESET_SLICE;
    };
    this.#idle = typeof requestIdleCallback === "function" ? requestIdleCallback(more, { timeout: 500 }) : (setTimeout(more, 16) as unknown as number);
  }

  override firstUpdated(): void {
    this.#growth.observe(this.renderRoot.querySelector(".entries")!);
    this.#growth.observe(this.#scroller!);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#growth.disconnect();
    if (this.#idle !== undefined) (typeof cancelIdleCallback === "function" ? cancelIdleCallback : clearTimeout)(this.#idle);
    this.#idle = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const entries = this.renderRoot?.querySelector(".entries");
    if (entries) this.#growth.observe(entries);
    if (this.#scroller) this.#growth.observe(this.#scroller);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-log": MathLog;
  }
}
