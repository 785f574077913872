/**
 * @module A participant's initial on a colour of their own, the same in the log and the people list.
 */
import { css, html } from "lit";

/** A hue from the name, so one person keeps one colour in every tab. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

export const avatar = (name: string) =>
  html`<span class="avatar" part="avatar" aria-hidden="true" style="--hue: ${hueOf(name)}">${[...name.trim()][0]?.toUpperCase() ?? "?"}</span>`;

export const avatarStyles = css`
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    font-size: 0.8rem;
    font-weight: 700;
    color: hsl(var(--hue) 55% 30%);
    background: hsl(var(--hue) 70% 90%);
  }
`;
