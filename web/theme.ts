/**
 * @module The look every element shares: design tokens read from the public `--math-session-*` custom
 * properties (an embedding page sets those on `math-session`), and a few base rules.
 */
import { css } from "lit";

/**
 * Every public token, with its default. Custom properties inherit into shadow roots, so a page that
 * sets `--math-session-accent` on `<math-session>` restyles every element inside it.
 */
export const tokens = css`
  :host {
    --_font: var(--math-session-font, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
    --_mono: var(--math-session-mono-font, ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, monospace);
    --_bg: var(--math-session-bg, #ffffff);
    --_surface: var(--math-session-surface, #f6f7f9);
    --_raised: var(--math-session-raised, #ffffff);
    --_text: var(--math-session-text, #1a1d24);
    --_muted: var(--math-session-muted, #5d6572);
    --_border: var(--math-session-border, #e1e4ea);
    --_accent: var(--math-session-accent, #4f46e5);
    --_accent-text: var(--math-session-accent-text, #ffffff);
    --_accent-soft: var(--math-session-accent-soft, color-mix(in srgb, var(--_accent) 10%, var(--_raised)));
    --_danger: var(--math-session-danger, #b42318);
    --_danger-soft: var(--math-session-danger-soft, color-mix(in srgb, var(--_danger) 7%, var(--_raised)));
    --_ok: var(--math-session-ok, #067647);
    --_warn: var(--math-session-warn, #b54708);
    --_radius: var(--math-session-radius, 10px);
    --_focus: var(--math-session-focus, 0 0 0 3px color-mix(in srgb, var(--_accent) 35%, transparent));
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.45;
    -webkit-text-size-adjust: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Inputs, selects and buttons, alike in every element. */
export const controls = css`
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input:not([type="checkbox"]),
  select,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.45rem 0.65rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_raised);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    border-color: var(--_accent);
  }
  input[aria-invalid="true"] {
    border-color: var(--_danger);
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 2.5rem;
    padding: 0.45rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.7);
    background: var(--_raised);
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_muted);
  }
  button:disabled,
  input:disabled,
  select:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  label {
    font-size: 0.85rem;
    font-weight: 600;
  }
  .hint {
    font-size: 0.8rem;
    color: var(--_muted);
  }
`;

/** The dark palette, for `theme="dark"` (and `theme="auto"` when the system asks for it). */
export const darkTokens = `
  --math-session-bg: #111318;
  --math-session-surface: #181b22;
  --math-session-raised: #1f232b;
  --math-session-text: #e7e9ee;
  --math-session-muted: #9aa2b1;
  --math-session-border: #2d323c;
  --math-session-accent: #8c88ff;
  --math-session-accent-text: #0d0e12;
  --math-session-danger: #ff8a80;
  --math-session-ok: #4ade80;
  --math-session-warn: #fbbf24;
`;
