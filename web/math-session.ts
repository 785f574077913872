/**
 * @module `<math-session>`: a person in a math-mcp room. The live log as typeset math, an expression input
 * with a live preview, a note input, a form for every tool, who is here, the room's variables, the
 * connection's state, a share link and a download of the log (JSON, or Markdown with LaTeX). The MCP
 * session itself lives in a reactive controller (room-controller.ts).
 *
 * ```html
 * <script type="module" src="https://math.example/math-session.js"></script>
 * <math-session server="https://math.example" room="algebra" name="ada"></math-session>
 * ```
 */
import { html, LitElement, nothing } from "lit";
import type { PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import type { RoomEvent } from "../shared/events.ts";
import { ROOM_NAME_PATTERN } from "../shared/mcp.ts";
import type { CallRequest } from "./events.ts";
import "./math-calls.ts";
import "./math-connection-status.ts";
import "./math-expression-input.ts";
import type { MathExpressionInput } from "./math-expression-input.ts";
import "./math-log.ts";
import "./math-note-input.ts";
import type { MathNoteInput } from "./math-note-input.ts";
import { sessionStyles } from "./math-session.styles.ts";
import "./math-participants.ts";
import "./math-share.ts";
import "./math-tool-form.ts";
import "./math-variables.ts";
import { RoomController, roomUrl } from "./room-controller.ts";
import type { SessionConfig, SessionStatus } from "./room-controller.ts";
import { fieldsOf } from "./schema-fields.ts";
import { loadParser, loadTypesetter } from "./typeset.ts";
import { NOTE_TOOL } from "../shared/notes.ts";

const NAME_KEY = "math-session:name";
/** The log's own parts, styleable from the page as `math-session::part(entry-error)`. */
const LOG_PARTS =
  "scroller, entry, entry-error, entry-note, avatar, arguments, result, result-text, math, note, note-math, copy, error, figure, image, gap, jump, empty";

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

/**
 * @event math-session-status - the connection changed: `{status}`.
 * @event math-session-event - a room event arrived (replayed or live), once per seq: `{event}`.
 * @event math-session-error - something failed that the log does not show: `{message}`.
 * @event math-call - a person ran something (a calculation, a note, a tool's form): `{tool, arguments}`.
 * @csspart header, room, status, share-button, download-button, download-menu, share, main, log, composer,
 *   tabs, tab, expression, expression-input, expression-preview, run-button, note-input, note-textarea,
 *   note-preview, note-button, sidebar, alert, notice, view-only, empty
 * @csspart entry, entry-error, entry-note, result, math, note, note-math, copy - the log's, exported.
 * @cssproperty --math-session-font, --math-session-mono-font, --math-session-bg, --math-session-surface,
 *   --math-session-raised, --math-session-text, --math-session-muted, --math-session-border,
 *   --math-session-accent, --math-session-accent-text, --math-session-danger, --math-session-ok,
 *   --math-session-warn, --math-session-radius, --math-session-log-height
 */
@customElement("math-session")
export class MathSession extends LitElement {
  /** The math-mcp service, e.g. `https://math.example`; by default the page's own origin. */
  @property() accessor server = "";
  /** The room to join: 1–128 of `A–Z a–z 0–9 - _`. */
  @property() accessor room = "";
  /** How others see you in the log and the people list; by default a guest name kept in this browser. */
  @property() accessor name = "";
  /**
   * The key of a keyed room (made by `POST /rooms`): the writer key acts, a viewer key only watches.
   * The share link carries it, so share it as you would the key.
   */
  @property() accessor key = "";
  /** The service's token, when it is set up with one (AUTH_TOKEN); anyone who can read the page can read it. */
  @property() accessor token = "";
  /** `light` (default), `dark`, or `auto` to follow the system. */
  @property({ reflect: true }) accessor theme: "light" | "dark" | "auto" = "light";
  /** The link offered for sharing the room; by default the service's own page for it. */
  @property({ attribute: "share-url" }) accessor shareUrl = "";

  @state() accessor sharing = false;
  @state() accessor downloading = false;
  /** The Download menu is open. */
  @state() accessor downloadMenu = false;
  /** What the composer writes: a calculation, or a note. */
  @state() accessor composing: "calculation" | "note" = "calculation";

  @query("math-expression-input") accessor expressionInput: MathExpressionInput | null = null;
  @query("math-note-input") accessor noteInput: MathNoteInput | null = null;

  readonly #room = new RoomController(this);

  /** The connection's state, as the status pill shows it. */
  get status(): SessionStatus {
    return this.#room.status;
  }

  /** The MCP era the connection speaks: "modern" (2026-07-28), or "legacy" with an older server. */
  get era(): "modern" | "legacy" | undefined {
    return this.#room.era;
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

  #config(): SessionConfig {
    return { server: this.#server, room: this.room, name: this.#name, ...(this.key ? { key: this.key } : {}), ...(this.token ? { token: this.token } : {}) };
  }

  static override styles = sessionStyles;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("server") || changed.has("room") || changed.has("name") || changed.has("key") || changed.has("token")) {
      this.#name = this.name.trim() || guestName();
      if (ROOM_NAME_PATTERN.test(this.room)) this.#room.configure(this.#config());
      else this.#room.leave();
    }
  }

  override render() {
    if (!this.room) return html`<p class="empty-room" part="empty">Set the <code>room</code> attribute to join a room.</p>`;
    if (!ROOM_NAME_PATTERN.test(this.room)) {
      return html`<p class="empty-room" part="empty">“${this.room}” is not a room name: use 1 to 128 letters, digits, “-” or “_”.</p>`;
    }
    const room = this.#room;
    const tools = room.tools;
    const evaluate = tools?.find((t) => t.name === "evaluate");
    const modes = evaluate ? (fieldsOf(evaluate.inputSchema).find((f) => f.name === "mode")?.options ?? []) : [];
    const link = this.shareUrl || this.#pageLink();
    const notes = tools?.some((t) => t.name === NOTE_TOOL) ?? false;
    const note = notes && this.composing === "note";
    const mcp = roomUrl({ ...this.#config(), token: "" }).toString().replace(/^http/, "ws");
    return html`
      <header part="header">
        <div class="title"><span class="label">Room</span><span class="room" part="room" title=${this.room}>${this.room}</span></div>
        ${room.readOnly ? html`<span class="badge" part="view-only">View only</span>` : nothing}
        <math-connection-status part="status" .status=${room.status}></math-connection-status>
        <div class="actions">
          <button part="share-button" aria-expanded=${this.sharing ? "true" : "false"} aria-controls="share" @click=${() => (this.sharing = !this.sharing)}>Share</button>
          <div class="menu-anchor" @focusout=${this.#menuBlur}>
            <button
              part="download-button"
              aria-haspopup="true"
              aria-expanded=${this.downloadMenu ? "true" : "false"}
              aria-controls="download-menu"
              ?disabled=${this.downloading || room.status === "idle"}
              @click=${() => (this.downloadMenu = !this.downloadMenu)}
            >
              ${this.downloading ? "Preparing…" : "Download log"}
            </button>
            <div class="menu" id="download-menu" part="download-menu" ?hidden=${!this.downloadMenu} @keydown=${this.#menuKey}>
              <button @click=${() => this.#download("json")}>JSON <span>everything the room keeps</span></button>
              <button @click=${() => this.#download("markdown")}>Markdown <span>with LaTeX and plots, for reading</span></button>
            </div>
          </div>
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
            ${this.#notice()}
            <math-calls .calls=${room.calls.filter((c) => c.slow)}></math-calls>
            ${this.#tabs(notes)}
            <div role=${notes ? "tabpanel" : nothing} id="compose-calculation" aria-labelledby=${notes ? "tab-calculation" : nothing} ?hidden=${note}>
              <math-expression-input
                part="expression"
                exportparts="input: expression-input, submit: run-button, preview: expression-preview"
                ?available=${tools === undefined || evaluate !== undefined}
                ?read-only=${room.readOnly}
                .modes=${modes}
              ></math-expression-input>
            </div>
            ${notes
              ? html`<div role="tabpanel" id="compose-note" aria-labelledby="tab-note" ?hidden=${!note}>
                  <math-note-input part="note-input" exportparts="textarea: note-textarea, submit: note-button, preview: note-preview" ?read-only=${room.readOnly}></math-note-input>
                </div>`
              : nothing}
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
            ${room.readOnly
              ? html`<p class="loading">View only: this link shows the log and who is here, but cannot call tools.</p>`
              : tools === undefined
                ? html`<p class="loading">Loading the room's tools…</p>`
                : html`<math-tool-form .tools=${tools}></math-tool-form>`}
          </section>
        </aside>
      </div>
    `;
  }

  /** Calculate or write a note: two tabs over the composer, when the room has the note tool. */
  #tabs(notes: boolean) {
    if (!notes) return nothing;
    const tab = (mode: "calculation" | "note", label: string) => html`<button
      role="tab"
      id="tab-${mode}"
      part="tab"
      aria-selected=${this.composing === mode ? "true" : "false"}
      aria-controls="compose-${mode}"
      tabindex=${this.composing === mode ? "0" : "-1"}
      @click=${() => this.#compose(mode)}
    >${label}</button>`;
    return html`<div class="tabs" role="tablist" aria-label="Write" part="tabs" @keydown=${this.#tabKey}>${tab("calculation", "Calculate")}${tab("note", "Note")}</div>`;
  }

  /** Switches the composer, and puts the cursor where one writes. */
  #compose(mode: "calculation" | "note") {
    this.composing = mode;
    void this.updateComplete.then(() => (mode === "note" ? this.noteInput?.focus() : this.expressionInput?.input.focus()));
  }

  /** Arrow keys move between the tabs, as in any tab list. */
  #tabKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const next = this.composing === "note" ? "calculation" : "note";
    this.composing = e.key === "Home" ? "calculation" : e.key === "End" ? "note" : next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.composing}`)?.focus());
  };

  /** Focus leaving the menu (a click elsewhere, Tab past it) closes it. */
  #menuBlur = (e: FocusEvent) => {
    const anchor = e.currentTarget as HTMLElement;
    if (!anchor.contains(e.relatedTarget as Node | null)) this.downloadMenu = false;
  };

  #menuKey = (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    this.downloadMenu = false;
    this.renderRoot.querySelector<HTMLElement>("[part=download-button]")?.focus();
  };

  /** The service's own page for this room; the key goes along (never the token). */
  #pageLink(): string {
    const url = new URL("/", this.#server);
    url.searchParams.set("room", this.room);
    if (this.key) url.searchParams.set("key", this.key);
    return url.toString();
  }

  /** A line over the input when the connection is not what it should be. */
  #notice() {
    const room = this.#room;
    const text =
      room.status === "reconnecting" || room.status === "offline"
        ? `${room.status === "offline" ? "Offline" : "Reconnecting"}: what you run now is sent when the room is back.`
        : room.stalled
          ? `Still trying to reach ${new URL(this.#server).host}…`
          : "";
    return text ? html`<p class="notice" part="notice" role="status">${text}</p>` : nothing;
  }

  #onCall = (e: CustomEvent<CallRequest>) => {
    void this.#room.call(e.detail.tool, e.detail.arguments);
  };

  #onCancel = (e: CustomEvent<{ callId: number }>) => this.#room.cancel(e.detail.callId);

  #onInsert = (e: CustomEvent<{ text: string }>) => {
    this.composing = "calculation";
    void this.updateComplete.then(() => this.expressionInput?.insert(e.detail.text));
  };

  /**
   * Downloads the whole kept log: as JSON (every field, as the room keeps it) or as Markdown with LaTeX
   * (for people: who, when, what, the result, notes and plots), made by the lazily loaded renderer.
   */
  #download = async (format: "json" | "markdown") => {
    this.downloadMenu = false;
    this.downloading = true;
    try {
      if (format === "json") {
        const log = await this.#room.exportLog();
        this.#save(JSON.stringify(log, null, 2), "application/json", "json");
      } else {
        const [log, typesetter, parser] = await Promise.all([this.#room.exportLog(), loadTypesetter(), loadParser().catch(() => undefined)]);
        this.#save(typesetter.logMarkdown(log, parser), "text/markdown", "md");
      }
    } catch (error) {
      this.#room.report(`Could not download the log: ${(error as Error).message}`);
    } finally {
      this.downloading = false;
    }
  };

  #save(text: string, type: string, extension: string) {
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const link = Object.assign(document.createElement("a"), { href: url, download: `math-room-${this.room}.${extension}` });
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "math-session": MathSession;
  }
}
