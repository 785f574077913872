/**
 * The fenced code blocks of a Markdown file, and what a block says it prints: the comment after a
 * `console.log(…)` or `print(…)` on the same line (`// { value: 8 }`, `# 2026-07-28`).
 */

export type CodeBlock = { language: string; code: string };

export function codeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ language: m[1]!, code: m[2]! }));
}

/**
 * The outputs a block's comments promise, as they must appear in what it prints: the text of the
 * comment up to an explanation in parentheses, without the quotes a string is shown in, and with `…`
 * standing for what varies (only the part before it is compared).
 */
export function expectedOutputs(code: string): string[] {
  const expected: string[] = [];
  for (const line of code.split("\n")) {
    const match = /(?:console\.log|print)\(.*\);?\s*(?:\/\/|#)\s*(.+)$/.exec(line);
    if (!match) continue;
    let text = match[1]!.replace(/\s+\(.*\)$/, "").trim();
    if (/^"[^"]*"/.test(text)) text = /^"([^"]*)"/.exec(text)![1]!;
    text = text.split("…")[0]!.replace(/[,:]\s*$/, "").trim();
    if (text) expected.push(text);
  }
  return expected;
}
