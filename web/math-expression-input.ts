/**
 * @module `<math-expression-input>`: one line to type a calculation for the room's `evaluate` tool, with
 * the expressions typed before on the arrow keys (kept in this browser), and a live preview of what is
 * being typed, typeset, before it runs — or what keeps it from parsing. mathjs syntax is read by mathjs's
 * own parser (loaded when the input is first used), so the preview says exactly what the room will
 * read; LaTeX (a backslash, or `$…$`) is typeset as it is and sent as it is.
 */
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { callEvent } from "./events.ts";
import { bareLatex, looksLikeLatex } from "./latex-input.ts";
import "./math-tex.ts";
import { controls, tokens } from "./theme.ts";
import { loadParser, loadTypesetter, parserLoaded, typeset as typesetLatex, typesetterLoaded } from "./typeset.ts";

const HISTORY_KEY = "math-session:history";
const HISTORY_LIMIT = 100;

/** What the preview shows: the typed text typeset, or why it does not parse. */
type Preview = { latex: string; text: string } | { problem: string } | { loading: true };

function loadHistory(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]");
    return Array.isArray(saved) ? saved.filter((s): s is string => typeof s === "string").slice(-HISTORY_LIMIT) : [];
  } catch {
    return []; // Storage may be off (private windows, sandboxed frames): history lasts the page then.
  }
}

/**
 * @csspart form - the row of input, number mode and button.
 * @csspart input - the expression input.
 * @csspart mode - the number mode choice.
 * @csspart submit - the Run button.
 * @csspart preview - the live preview above the input (`preview-math`, `preview-problem` inside it).
 * @event math-call - a calculation to run, `{tool, arguments: {expression, mode?}}`.
 */
@customElement("math-expression-input")
export class MathExpressionInput extends LitElement {
  /** False when the room has no `evaluate` tool: the input says so instead of failing. */
  @property({ type: Boolean }) accessor available = true;
  /** True for a viewer: the room lets this session watch, not calculate. */
  @property({ type: Boolean, attribute: "read-only" }) accessor readOnly = false;
  /** The number modes `evaluate` offers (from its schema); a choice appears when there are several. */
  @property({ attribute: false }) accessor modes: string[] = [];
  /** The tool to call. */
  @property() accessor tool = "evaluate";

  @state() accessor mode = "";
  /** The preview of what is typed; undefined while the input is empty. */
  @state() accessor preview: Preview | undefined;
  @query("input") accessor input!: HTMLInputElement;

  #history = loadHistory();
  /** Where the arrow keys are in the history; history.length is the line being typed. */
  #cursor = this.#history.length;
  #draft = "";

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: 0.5rem;
        align-items: stretch;
      }
      .field {
        position: relative;
        flex: 1;
        min-width: 0;
      }
      .prompt {
        position: absolute;
        left: 0.75rem;
        top: 50%;
        transform: translateY(-50%);
        color: var(--_accent);
        font-family: var(--_mono);
        font-weight: 700;
        pointer-events: none;
      }
      .field input {
        font-family: var(--_mono);
        font-size: 1rem;
        min-height: 2.75rem;
        padding-left: 1.9rem;
      }
      select {
        width: auto;
        min-height: 2.75rem;
      }
      button {
        min-height: 2.75rem;
      }
      .hint {
        margin: 0.35rem 0 0;
      }
      .preview {
        display: flex;
        align-items: center;
        min-height: 2.6rem;
        margin-bottom: 0.5rem;
        padding: 0.3rem 0.75rem;
        border: 1px dashed var(--_border);
        border-radius: calc(var(--_radius) * 0.7);
        background: var(--_raised);
        overflow: hidden;
      }
      .preview math-tex {
        font-size: 1.1rem;
      }
      .preview .problem {
        font-size: 0.85rem;
        color: var(--_danger);
        overflow-wrap: anywhere;
      }
      .preview .loading {
        font-size: 0.85rem;
        color: var(--_muted);
      }
      kbd {
        font-family: var(--_mono);
        font-size: 0.75rem;
        padding: 0 0.3rem;
        border: 1px solid var(--_border);
        border-bottom-width: 2px;
        border-radius: 4px;
      }
      code {
        font-family: var(--_mono);
        font-size: 0.75rem;
        color: var(--_text);
      }
      @container (max-width: 420px) {
        /* Phones: no number modes, and no keyboard to tell about. */
        .mode,
        .keys {
          display: none;
        }
      }
    `,
  ];

  override render() {
    const usable = this.available && !this.readOnly;
    const placeholder = this.readOnly
      ? "View only: this link cannot calculate"
      : this.available
        ? "sqrt(3^2 + 4^2), r = 7, f(x) = x^2 + 1…"
        : "This room has no evaluate tool: use a tool below";
    return html`
      ${this.#preview()}
      <form part="form" @submit=${this.#submit}>
        <div class="field">
          <label class="visually-hidden" for="expression">Calculation</label>
          <span class="prompt" aria-hidden="true">›</span>
          <input
            id="expression"
            part="input"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            enterkeyhint="go"
            aria-describedby="expression-preview expression-hint"
            placeholder=${placeholder}
            ?disabled=${!usable}
            @keydown=${this.#keydown}
            @input=${this.#typed}
            @focus=${this.#prefetch}
          />
        </div>
        ${this.modes.length > 1
          ? html`<label class="visually-hidden" for="mode">Number mode</label>
              <select id="mode" class="mode" part="mode" .value=${this.mode} @change=${(e: Event) => (this.mode = (e.target as HTMLSelectElement).value)} ?disabled=${!usable}>
                <option value="">number</option>
                ${this.modes.filter((m) => m !== "number").map((m) => html`<option value=${m}>${m}</option>`)}
              </select>`
          : nothing}
        <button class="primary" part="submit" ?disabled=${!usable}>Run</button>
      </form>
      <p class="hint" id="expression-hint" ?hidden=${!usable}>
        <span class="keys"><kbd>Enter</kbd> runs it for everyone · <kbd>↑</kbd> <kbd>↓</kbd> earlier lines · </span><code>x = 2</code> sets a room variable
      </p>
    `;
  }

  /** Puts text into the input (say, a variable's name) and focuses it. */
  insert(text: string): void {
    const { input } = this;
    const at = input.selectionStart ?? input.value.length;
    input.value = input.value.slice(0, at) + text + input.value.slice(input.selectionEnd ?? at);
    input.focus();
    input.setSelectionRange(at + text.length, at + text.length);
    this.#typed();
  }

  #preview() {
    const preview = this.preview;
    const body =
      preview === undefined
        ? nothing
        : "latex" in preview
          ? html`<math-tex part="preview-math" .latex=${`\\displaystyle ${preview.latex}`} .fallback=${preview.text}></math-tex>`
          : "problem" in preview
            ? html`<span class="problem" part="preview-problem">${preview.problem}</span>`
            : html`<span class="loading">Preparing the preview…</span>`;
    return html`<div class="preview" part="preview" id="expression-preview" ?hidden=${preview === undefined}>${body}</div>`;
  }

  /** The parser and KaTeX start loading when the input is first focused, before anything is typed. */
  #prefetch = () => {
    if (!parserLoaded()) void loadParser().catch(() => {});
    if (!typesetterLoaded()) void loadTypesetter().catch(() => {});
  };

  /** Typesets what is typed, at once when the parser and KaTeX are here, else when they arrive. */
  #typed = () => {
    const text = this.input.value;
    if (!text.trim()) return void (this.preview = undefined);
    const parser = parserLoaded();
    if (!parser || !typesetterLoaded()) {
      this.preview = { loading: true };
      Promise.all([loadParser(), loadTypesetter()]).then(
        () => this.input.value === text && this.#typed(),
        () => (this.preview = undefined), // Offline: no preview, the calculation still runs.
      );
      return;
    }
    if (looksLikeLatex(text)) {
      const latex = bareLatex(text);
      const typeset = latex ? typesetLatex(latex) : undefined;
      this.preview = typeset && "error" in typeset ? { problem: `This LaTeX does not parse: ${typeset.error}` } : { latex, text };
      return;
    }
    const parsed = parser.expressionTex(text);
    this.preview = "tex" in parsed ? { latex: parsed.tex, text } : { problem: `This does not parse yet: ${parsed.error}` };
  };

  #submit(e: Event) {
    e.preventDefault();
    const expression = this.input.value.trim();
    if (!expression || !this.available || this.readOnly) return;
    if (this.#history.at(-1) !== expression) this.#history = [...this.#history, expression].slice(-HISTORY_LIMIT);
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(this.#history));
    } catch {
      // Not kept across pages, then.
    }
    this.#cursor = this.#history.length;
    this.#draft = "";
    this.input.value = "";
    this.preview = undefined;
    this.dispatchEvent(callEvent({ tool: this.tool, arguments: { expression, ...(this.mode ? { mode: this.mode } : {}) } }));
  }

  #keydown(e: KeyboardEvent) {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    const next = this.#cursor + (e.key === "ArrowUp" ? -1 : 1);
    if (next < 0 || next > this.#history.length) return;
    e.preventDefault();
    if (this.#cursor === this.#history.length) this.#draft = this.input.value;
    this.#cursor = next;
    this.input.value = next === this.#history.length ? this.#draft : this.#history[next]!;
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
    this.#typed();
  }
}


declare global {
  interface HTMLElementTagNameMap {
    "math-expression-input": MathExpressionInput;
  }
}
