/**
 * @module How `<math-log>` looks; the tokens (theme.ts) are what a page changes.
 */
import { css } from "lit";
import { avatarStyles } from "./avatar.ts";
import { noteStyles } from "./note.styles.ts";
import { tokens } from "./theme.ts";

export const logStyles = [
  tokens,
  avatarStyles,
  noteStyles,
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
      border-radius: var(--_radius);
    }
    .entries {
      flex: 1 0 auto;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
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
    .end {
      /* The copy buttons and the time wrap together, to the right. */
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      margin-left: auto;
    }
    .when {
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
    .result {
      min-width: 0;
    }
    .statement {
      display: block;
      width: fit-content;
      font-size: 1.12rem;
      line-height: 1.5;
    }
    .entry.noted {
      border-left: 3px solid color-mix(in srgb, var(--_accent) 55%, var(--_border));
    }
    .entry.noted .tool {
      font-family: var(--_font);
    }
    .copy {
      display: inline-flex;
      gap: 0.15rem;
    }
    .copy-button {
      font: inherit;
      font-size: 0.72rem;
      line-height: 1.2;
      padding: 0.1rem 0.45rem;
      border: 1px solid transparent;
      border-radius: 999px;
      background: none;
      color: var(--_muted);
      cursor: pointer;
      opacity: 0.8;
    }
    .entry:hover .copy-button {
      opacity: 1;
    }
    .copy-button:hover,
    .copy-button:focus-visible {
      opacity: 1;
      border-color: var(--_border);
      color: var(--_text);
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
