/**
 * @module `<math-session>`: a person in a math-mcp room. The live log, an expression input, a form for
 * every tool, who is here, the room's variables, the connection's state, a share link and a download
 * of the log. The MCP session itself lives in a reactive controller (room-controller.ts).
 *
 * ```html
 * <script type="module" src="https://math.example/math-session.js"></script>
 * <math-session server="https://math.example" room="algebra" name="ada"></math-session>
 * ```
 */
import { css, html, LitElement, nothing, unsafeCSS } from "lit";
import type { PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import type { RoomEvent } from "../shared/events.ts";
import type { CallRequest } from "./events.ts";
import "./math-calls.ts";
import "./math-connection-status.ts";
import "./math-expression-input.ts";
import type { MathExpressionInput } from "./math-expression-input.ts";
import "./math-log.ts";
import "./math-participants.ts";
import "./math-share.ts";
import "./math-tool-form.ts";
import "./math-variables.ts";
import { RoomController } from "./room-controller.ts";
import type { SessionStatus } from "./room-controller.ts";
import { fieldsOf } from "./schema-fields.ts";
import { controls, darkTokens, tokens } from "./theme.ts";

const NAME_KEY = "math-session:name";
/** The log's own parts, styleable from the page as `math-session::part(entry-error)`. */
const LOG_PARTS = "scroller, entry, entry-error, avatar, arguments, result, result-text, error, figure, image, gap, jump, empty";

/** A name for someone who gave none, kept in this browser so it stays the same across visits. */
function guestName(): string {
  try {
    const saved = localStorage.getItem(NAME_KEY);
    if (saved) return saved;
    const name = `guest-${crypto.getRandomValues(new Uint16Array(1))[0]! % 10_000}`;
    localStorage.setItem(NAME_KEY, name);
    return name;
  } catch {
    return "guest";
  }
}

@customElement("math-session")
export class MathSession extends LitElement {
  /** The math-mcp service, e.g. `https://math.example`; by default the page's own origin. */
  @property() accessor server = "";
  /** The room to join: 1–128 of `A–Z a–z 0–9 - _`. */
  @property() accessor room = "";
  /** How others see you in the log and the people list; by default a guest name kept in this browser. */
  @property() accessor name = "";
  /** `light` (default), `dark`, or `auto` to follow the system. */
  @property({ reflect: true }) accessor theme: "light" | "dark" | "auto" = "light";
  /** The link offered for sharing the room; by default the service's own page for it. */
  @property({ attribute: "share-url" }) accessor shareUrl = "";

  @state() accessor sharing = false;
  @state() accessor downloading = false;

  @query("math-expression-input") accessor expressionInput: MathExpressionInput | null = null;

  readonly #room = new RoomController(this);

  /** The connection's state, as the status pill shows it. */
  get status(): SessionStatus {
    return this.#room.status;
  }

  /** The log as this page has it, oldest first. */
  get events(): readonly RoomEvent[] {
    return this.#room.events;
  }

  /** Calls a tool in the room; its result arrives in the log like everyone's. */
  call(tool: string, args: Record<string, unknown> = {}): Promise<void> {
    return this.#room.call(tool, args);
  }

  /** Evaluates an expression with the room's `evaluate` tool. */
  evaluate(expression: string): Promise<void> {
    return this.call("evaluate", { expression });
  }

  get #server(): string {
    return this.server || location.origin;
  }

  #name = "";

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        container-type: inline-size;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) * 1.4);
        overflow: hidden;
      }
      :host([theme="dark"]) {
        ${unsafeCSS(darkTokens)}
        color-scheme: dark;
      }
      @media (prefers-color-scheme: dark) {
        :host([theme="auto"]) {
          ${unsafeCSS(darkTokens)}
          color-scheme: dark;
        }
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        padding: 0.75rem 1rem;
        border-bottom: 1px solid var(--_border);
      }
      .title {
        display: flex;
        align-items: baseline;
        gap: 0.5rem;
        min-width: 0;
        flex: 1 1 12rem;
      }
      .title .label {
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--_muted);
      }
      .title .room {
        font-family: var(--_mono);
        font-weight: 600;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      .actions button {
        min-height: 2.25rem;
        font-size: 0.875rem;
      }
      .share {
        padding: 0.9rem 1rem;
        border-bottom: 1px solid var(--_border);
        background: var(--_surface);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
      }
      .main {
        display: flex;
        flex-direction: column;
        height: var(--math-session-log-height, min(70vh, 720px));
        min-height: 22rem;
        background: var(--_surface);
      }
      math-log {
        flex: 1;
      }
      .composer {
        display: grid;
        gap: 0.5rem;
        padding: 0.75rem 1rem 0.9rem;
        border-top: 1px solid var(--_border);
        background: var(--_bg);
      }
      .notice {
        margin: 0;
        font-size: 0.85rem;
        color: var(--_warn);
      }
      .alert {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.45rem 0.45rem 0.45rem 0.75rem;
        border-radius: var(--_radius);
        font-size: 0.875rem;
        color: var(--_danger);
        background: var(--_danger-soft);
      }
      .alert span {
        flex: 1;
        overflow-wrap: anywhere;
      }
      .alert button {
        min-height: 1.75rem;
        padding: 0.1rem 0.5rem;
      }
      aside {
        display: grid;
        align-content: start;
        border-top: 1px solid var(--_border);
      }
      section.panel {
        padding: 0.9rem 1rem 1rem;
        border-bottom: 1px solid var(--_border);
      }
      section.panel:last-child {
        border-bottom: none;
      }
      h2 {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        margin: 0 0 0.6rem;
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--_muted);
      }
      .count {
        font-size: 0.72rem;
        padding: 0 0.4rem;
        border-radius: 999px;
        background: var(--_accent-soft);
        color: var(--_accent);
        letter-spacing: 0;
      }
      .loading,
      .empty-room {
        color: var(--_muted);
        font-size: 0.875rem;
      }
      .empty-room {
        padding: 2rem 1rem;
        text-align: center;
      }
      @container (min-width: 820px) {
        .layout {
          grid-template-columns: minmax(0, 1fr) minmax(18rem, 22rem);
        }
        aside {
          border-top: none;
          border-left: 1px solid var(--_border);
          height: var(--math-session-log-height, min(70vh, 720px));
          min-height: 22rem;
          overflow-y: auto;
        }
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("server") || changed.has("room") || changed.has("name")) {
      this.#name = this.name.trim() || guestName();
      if (this.room) this.#room.configure({ server: this.#server, room: this.room, name: this.#name });
    }
  }

  override render() {
    if (!this.room) return html`<p class="empty-room" part="empty">Set the <code>room</code> attribute to join a room.</p>`;
    const room = this.#room;
    const tools = room.tools;
    const evaluate = tools?.find((t) => t.name === "evaluate");
    const modes = evaluate ? (fieldsOf(evaluate.inputSchema).find((f) => f.name === "mode")?.options ?? []) : [];
    const link = this.shareUrl || new URL(`/?room=${encodeURIComponent(this.room)}`, this.#server).toString();
    const mcp = new URL(`/rooms/${encodeURIComponent(this.room)}/mcp`, this.#server).toString().replace(/^http/, "ws");
    return html`
      <header part="header">
        <div class="title"><span class="label">Room</span><span class="room" part="room" title=${this.room}>${this.room}</span></div>
        <math-connection-status part="status" .status=${room.status}></math-connection-status>
        <div class="actions">
          <button part="share-button" aria-expanded=${this.sharing ? "true" : "false"} aria-controls="share" @click=${() => (this.sharing = !this.sharing)}>Share</button>
          <button part="download-button" ?disabled=${this.downloading || room.status === "idle"} @click=${this.#download}>
            ${this.downloading ? "Preparing…" : "Download log"}
          </button>
        </div>
      </header>
      <div class="share" id="share" part="share" ?hidden=${!this.sharing}><math-share .link=${link} .mcp=${mcp}></math-share></div>
      <div class="layout">
        <div class="main" part="main">
          <math-log part="log" exportparts=${LOG_PARTS} .events=${room.events} .gaps=${room.gaps} me=${this.#name}></math-log>
          <div class="composer" part="composer" @math-call=${this.#onCall} @math-cancel=${this.#onCancel}>
            ${room.error
              ? html`<div class="alert" part="alert" role="alert"><span>${room.error}</span><button class="quiet" aria-label="Dismiss" @click=${() => room.dismissError()}>✕</button></div>`
              : nothing}
            ${room.status === "reconnecting" || room.status === "offline"
              ? html`<p class="notice" part="notice">${room.status === "offline" ? "Offline" : "Reconnecting"}: what you run now is sent when the room is back.</p>`
              : nothing}
            <math-calls .calls=${room.calls}></math-calls>
            <math-expression-input part="expression" exportparts="input: expression-input, submit: run-button" ?available=${tools === undefined || evaluate !== undefined} .modes=${modes}></math-expression-input>
          </div>
        </div>
        <aside part="sidebar" @math-call=${this.#onCall} @math-insert=${this.#onInsert}>
          <section class="panel" aria-labelledby="people">
            <h2 id="people">People <span class="count">${room.participants.length}</span></h2>
            <math-participants .participants=${room.participants} .latest=${room.lastPresence} me=${this.#name}></math-participants>
          </section>
          <section class="panel" aria-labelledby="variables">
            <h2 id="variables">Variables</h2>
            <math-variables .variables=${room.variables}></math-variables>
          </section>
          <section class="panel" aria-labelledby="tools">
            <h2 id="tools">Tools</h2>
            ${tools === undefined ? html`<p class="loading">Loading the room's tools…</p>` : html`<math-tool-form .tools=${tools}></math-tool-form>`}
          </section>
        </aside>
      </div>
    `;
  }

  #onCall = (e: CustomEvent<CallRequest>) => {
    void this.#room.call(e.detail.tool, e.detail.arguments);
  };

  #onCancel = (e: CustomEvent<{ callId: number }>) => this.#room.cancel(e.detail.callId);

  #onInsert = (e: CustomEvent<{ text: string }>) => this.expressionInput?.insert(e.detail.text);

  #download = async () => {
    this.downloading = true;
    try {
      const log = await this.#room.exportLog();
      const url = URL.createObjectURL(new Blob([JSON.stringify(log, null, 2)], { type: "application/json" }));
      const link = Object.assign(document.createElement("a"), { href: url, download: `math-room-${this.room}.json` });
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.#room.report(`Could not download the log: ${(error as Error).message}`);
    } finally {
      this.downloading = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "math-session": MathSession;
  }
}
