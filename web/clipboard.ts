/**
 * @module Copying text for a person: the Clipboard API where the page may use it, else the old way
 * (a selected, hidden textarea), which works in pages that are not a secure context.
 */
export async function copyText(text: string, root: Node = document.body): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
    area.setAttribute("style", "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0");
    root.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
