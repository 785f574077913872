/**
 * @module How `<math-session>` looks; the tokens (theme.ts) are what a page changes.
 */
import { css, unsafeCSS } from "lit";
import { controls, darkTokens, tokens } from "./theme.ts";

export const sessionStyles = [
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
    .badge {
      padding: 0.2rem 0.65rem;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--_muted);
      border: 1px dashed var(--_border);
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .actions button {
      min-height: 2.25rem;
      font-size: 0.875rem;
    }
    .menu-anchor {
      position: relative;
    }
    .menu {
      position: absolute;
      right: 0;
      top: calc(100% + 0.35rem);
      z-index: 2;
      display: grid;
      min-width: 15rem;
      padding: 0.3rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_raised);
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.14);
    }
    .menu button {
      display: grid;
      justify-items: start;
      justify-content: start;
      text-align: left;
      gap: 0.05rem;
      border: none;
      background: none;
      text-align: left;
      white-space: normal;
      font-weight: 600;
    }
    .menu button:hover {
      background: var(--_accent-soft);
    }
    .menu button span {
      font-size: 0.78rem;
      font-weight: 400;
      color: var(--_muted);
    }
    .tabs {
      display: flex;
      gap: 0.25rem;
    }
    .tabs button {
      min-height: 1.9rem;
      padding: 0.15rem 0.75rem;
      font-size: 0.8rem;
      font-weight: 600;
      border-radius: 999px;
      border-color: transparent;
      background: none;
      color: var(--_muted);
    }
    .tabs button[aria-selected="true"] {
      background: var(--_accent-soft);
      color: var(--_accent);
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
