/**
 * @module How a note's Markdown looks, in the log and in the note input's preview alike.
 */
import { css } from "lit";

export const noteStyles = css`
  .note-body {
    overflow-wrap: anywhere;
    line-height: 1.55;
  }
  .note-body .raw {
    white-space: pre-wrap;
  }
  .note-body > :first-child {
    margin-top: 0;
  }
  .note-body > :last-child {
    margin-bottom: 0;
  }
  .note-body p,
  .note-body ul,
  .note-body ol,
  .note-body pre,
  .note-body blockquote {
    margin: 0 0 0.55em;
  }
  .note-body li > p {
    margin: 0;
  }
  .note-body ul,
  .note-body ol {
    padding-left: 1.4em;
  }
  .note-body .heading {
    font-weight: 700;
    margin: 0.2em 0 0.4em;
  }
  .note-body .heading-1 {
    font-size: 1.15em;
  }
  .note-body .heading-2 {
    font-size: 1.05em;
  }
  .note-body code {
    font-family: var(--_mono);
    font-size: 0.88em;
    padding: 0.05em 0.3em;
    border-radius: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .note-body pre {
    overflow-x: auto;
    padding: 0.55em 0.7em;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .note-body pre code {
    padding: 0;
    border: none;
    background: none;
    white-space: pre;
  }
  .note-body blockquote {
    padding-left: 0.75em;
    border-left: 3px solid var(--_border);
    color: var(--_muted);
  }
  .note-body hr {
    border: none;
    border-top: 1px solid var(--_border);
    margin: 0.7em 0;
  }
  .note-body a {
    color: var(--_accent);
  }
`;
