/**
 * The classics of cross-site scripting, as notes: HTML, event handlers, `javascript:` and `data:` links,
 * style injection, entities, Markdown nested around them, and KaTeX's own ways out (\href, \url, the
 * \html… extensions, \includegraphics, runaway macros, huge boxes). The browser test renders them;
 * the export test writes them to Markdown.
 */

/** Each payload calls `pwn(name)` (or a dialog) if it ever runs. */
export const XSS_CORPUS: string[] = [
  "<script>pwn('script')</script>",
  `<img src=x onerror="pwn('img')">`,
  `<svg onload="pwn('svg')"><circle r="5"/></svg>`,
  `<iframe src="javascript:pwn('iframe')"></iframe><object data="javascript:pwn('object')"></object>`,
  "[click me](javascript:pwn('link'))",
  "[click me](JaVaScRiPt:pwn('link-case'))",
  "[click me](java\tscript:pwn('link-tab')) [again](java&#x09;script:pwn('link-entity-tab'))",
  "[click me]( javascript:pwn('link-space'))",
  "<javascript:pwn('autolink')>",
  "[data](data:text/html;base64,PHNjcmlwdD5wd24oJ2RhdGEnKTwvc2NyaXB0Pg==)",
  "![svg](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0icHduKCdkYXRhLXN2ZycpIi8+)",
  "![tracker](https://evil.test/pixel.png)",
  `<style>* { display: none !important }</style><div style="position:fixed;inset:0;background:red">covered</div>`,
  "&lt;script&gt;pwn('entity')&lt;/script&gt; &#60;img src=x onerror=pwn('entity2')&#62; [x](&#106;avascript:pwn('entity-link'))",
  "**[bold link](javascript:pwn('nested'))** and [**inner**](javascript:pwn('nested2')) and *<img src=x onerror=pwn('em')>*",
  `[ok](https://ok.test/" onmouseover="pwn('attr')) and [t](https://ok.test "title\\" onclick=pwn('title')")`,
  "`<img src=x onerror=pwn('code')>`\n\n```html\n<script>pwn('fence')</script>\n```",
  "> <script>pwn('quote')</script>\n> - [x](javascript:pwn('quote-list'))\n>   - <img src=x onerror=pwn('deep')>",
  "$\\href{javascript:pwn('href')}{click}$ and $\\url{javascript:pwn('url')}$",
  "$\\htmlId{pwn}{x}$ $\\htmlClass{pwn}{x}$ $\\htmlStyle{position:fixed;top:0;left:0;width:100vw;height:100vh;background:red}{x}$ $\\htmlData{onclick=pwn('data')}{x}$",
  "$\\includegraphics[height=1em]{https://evil.test/math.png}$",
  "$\\text{<img src=x onerror=pwn('katex-text')>}$ and $$\\begin{array}{c}\\text{<script>pwn('array')</script>}\\end{array}$$",
  "$\\def\\a{\\a\\a}\\a$ and $\\rule{1000em}{1000em}$ and $\\kern{-50em}\\text{moved}$ and $\\color{red}{\\text{red}}$",
  `<a href="javascript:pwn('a')">raw anchor</a> <details open ontoggle="pwn('details')">x</details>`,
  "[vb](vbscript:msgbox(1)) [file](file:///etc/passwd) [relative](//evil.test/x) [path](/admin)",
  "<math><mtext><table><mglyph><style><img src=x onerror=pwn('mxss')>",
  "$x$<script>pwn('after-math')</script>$$y$$<img src=x onerror=pwn('after-display')>",
  "$\\color{red;position:fixed;top:0;left:0}{x}$ $\\textcolor{url(javascript:pwn('color'))}{y}$ $\\colorbox{red;background:url(https://evil.test/c)}{z}$",
  "$\\raisebox{100em}{up}$ $\\hspace{-100em}$ $\\mathrlap{\\rule{50em}{50em}}$",
];
