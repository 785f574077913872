/**
 * @module `<math-note-input>`: a note for the room — Markdown with `$…$` and `$$…$$` math — written
 * in a text box with a live preview, exactly as the log will show it, and posted with the room's
 * `note` tool (Ctrl or ⌘ + Enter, or the button).
 */
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { MAX_NOTE_LENGTH, NOTE_TOOL } from "../shared/notes.ts";
import { callEvent } from "./events.ts";
import { noteStyles } from "./note.styles.ts";
import { renderNote } from "./note-view.ts";
import { controls, tokens } from "./theme.ts";
import { loadTypesetter, typesetterLoaded } from "./typeset.ts";

/**
 * @csspart form - the text box and its button.
 * @csspart textarea - the note's text box.
 * @csspart submit - the Post button.
 * @csspart preview - the note as the log will show it.
 * @event math-call - a note to post, `{tool: "note", arguments: {text}}`.
 */
@customElement("math-note-input")
export class MathNoteInput extends LitElement {
  /** True for a viewer: the room lets this session watch, not write. */
  @property({ type: Boolean, attribute: "read-only" }) accessor readOnly = false;

  @state() accessor text = "";
  /** Set once the renderer has loaded, so the preview renders again. */
  @state() accessor ready = typesetterLoaded() !== undefined;
  @query("textarea") accessor textarea!: HTMLTextAreaElement;

  static override styles = [
    tokens,
    controls,
    noteStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: 0.5rem;
        align-items: flex-end;
      }
      textarea {
        flex: 1;
        min-width: 0;
        min-height: 2.75rem;
        max-height: 12rem;
        resize: vertical;
        line-height: 1.4;
        field-sizing: content;
      }
      button {
        min-height: 2.75rem;
      }
      .preview {
        margin-bottom: 0.5rem;
        padding: 0.45rem 0.75rem;
        max-height: 12rem;
        overflow-y: auto;
        border: 1px dashed var(--_border);
        border-radius: calc(var(--_radius) * 0.7);
        background: var(--_raised);
      }
      .hint {
        margin: 0.35rem 0 0;
      }
      .count {
        float: right;
        font-variant-numeric: tabular-nums;
      }
      .count.over {
        color: var(--_danger);
      }
      code {
        font-family: var(--_mono);
        font-size: 0.75rem;
        color: var(--_text);
      }
    `,
  ];

  override render() {
    const length = this.text.length;
    const over = length > MAX_NOTE_LENGTH;
    const empty = this.text.trim() === "";
    return html`
      <div class="preview note-body" part="preview" id="note-preview" ?hidden=${empty}>
        ${empty ? nothing : renderNote(this.text, this.ready ? typesetterLoaded() : undefined)}
      </div>
      <form part="form" @submit=${this.#submit}>
        <label class="visually-hidden" for="note">Note</label>
        <textarea
          id="note"
          part="textarea"
          rows="2"
          placeholder=${this.readOnly ? "View only: this link cannot write notes" : "A note for the room: Markdown, with $x^2$ or $$\\int_0^1 x\\,dx$$ for math"}
          aria-describedby="note-preview note-hint"
          ?disabled=${this.readOnly}
          .value=${this.text}
          @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
          @keydown=${this.#keydown}
          @focus=${this.#prefetch}
        ></textarea>
        <button class="primary" part="submit" ?disabled=${this.readOnly || empty || over}>Post note</button>
      </form>
      <p class="hint" id="note-hint">
        <span class="count ${over ? "over" : ""}" ?hidden=${length < MAX_NOTE_LENGTH * 0.8}>${length} / ${MAX_NOTE_LENGTH}</span>
        <code>**bold**</code> · <code>*italic*</code> · <code>$\\frac{a}{b}$</code> · <code>- list</code> · Ctrl+Enter posts it for everyone
      </p>
    `;
  }

  override willUpdate(): void {
    if (!this.ready && this.text.trim()) this.#prefetch();
  }

  /** Focuses the text box. */
  override focus(): void {
    this.textarea?.focus();
  }

  /** The renderer starts loading when the box is first focused, so the preview is there at once. */
  #prefetch = () => {
    if (!this.ready) loadTypesetter().then(() => (this.ready = true), () => {});
  };

  #keydown(e: KeyboardEvent) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.#submit(e);
    }
  }

  #submit(e: Event) {
    e.preventDefault();
    const text = this.text;
    if (this.readOnly || text.trim() === "" || text.length > MAX_NOTE_LENGTH) return;
    this.text = "";
    this.dispatchEvent(callEvent({ tool: NOTE_TOOL, arguments: { text } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-note-input": MathNoteInput;
  }
}
