/**
 * @module `<math-tex>`: one formula, typeset by KaTeX (with MathML for screen readers). Until the
 * renderer has loaded — it loads when the first formula asks for it — and wherever the LaTeX cannot be
 * typeset, it shows its `fallback` text instead, so nothing is ever missing, only plainer.
 *
 * A long formula scrolls sideways inside its own box; nothing a formula draws can leave that box.
 */
import { css, html, LitElement, nothing } from "lit";
import type { PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { loadTypesetter, typeset, typesetterLoaded } from "./typeset.ts";

/**
 * @csspart math - the typeset formula (KaTeX's markup).
 * @csspart fallback - the text shown before the renderer loads, or when the LaTeX cannot be typeset.
 * @cssproperty --math-session-mono-font - the fallback text's font.
 */
@customElement("math-tex")
export class MathTex extends LitElement {
  /** The formula, in LaTeX. */
  @property() accessor latex = "";
  /** A displayed equation (`$$…$$`): a block of its own, centred. Otherwise it sits in a line of text. */
  @property({ type: Boolean, reflect: true }) accessor display = false;
  /** What to show until the formula is typeset, and if it cannot be; by default the LaTeX itself. */
  @property() accessor fallback = "";

  /** Why the LaTeX could not be typeset, when it could not (KaTeX's message). */
  @state() accessor error = "";
  @state() accessor ready = typesetterLoaded() !== undefined;

  static override styles = css`
    :host {
      display: inline-block;
      max-width: 100%;
      vertical-align: middle;
      overflow-x: auto;
      overflow-y: hidden;
      /* What a formula draws stays in its box: no \\rule or \\kern reaches the rest of the page. */
      contain: paint;
      padding: 0.15em 0.1em;
    }
    :host([display]) {
      display: block;
      text-align: center;
      margin: 0.4em 0;
    }
    .katex-display {
      margin: 0;
    }
    .fallback {
      font-family: var(--math-session-mono-font, ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, monospace);
      font-size: 0.92em;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `;

  #result?: { html: string } | { error: string };

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.ready && this.latex) {
      loadTypesetter().then(
        () => (this.ready = true),
        () => {}, // Offline: the fallback stays; the next formula asks again.
      );
    }
    if (changed.has("latex") || changed.has("display") || changed.has("ready")) {
      this.#result = this.ready && this.latex ? typeset(this.latex, this.display) : undefined;
      this.error = this.#result && "error" in this.#result ? this.#result.error : "";
    }
    const katex = typesetterLoaded();
    const root = this.shadowRoot;
    if (katex && root && !root.adoptedStyleSheets.includes(katex.stylesheet)) root.adoptedStyleSheets = [katex.stylesheet, ...root.adoptedStyleSheets];
  }

  override render() {
    const result = this.#result;
    if (result && "html" in result) return html`<span part="math">${unsafeHTML(result.html)}</span>`;
    return html`<span class="fallback" part="fallback" title=${this.error || nothing}>${this.fallback || this.latex}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-tex": MathTex;
  }
}
