/**
 * @module Draws curves as an SVG image people can read at a glance: white background, light grid,
 * labelled ticks, the axes through zero, a title, a legend for several curves, colour-blind-safe colours.
 */
import { niceTicks, piTicks } from "./ticks.ts";
import type { Tick } from "./ticks.ts";

export type Curve = { label: string; points: { x: number; y: number; breakBefore?: boolean }[] };
export type Plot = { title: string; xLabel: string; curves: Curve[]; x: [number, number]; y: [number, number] };

const WIDTH = 640;
const HEIGHT = 400;
const AREA = { left: 64, right: 620, top: 44, bottom: 346 };
/** Okabe & Ito's palette, distinguishable with every common colour vision deficiency. */
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const px = (n: number) => (Math.round(n * 10) / 10).toString();
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function renderPlot(plot: Plot): string {
  const [x0, x1] = plot.x;
  const [y0, y1] = plot.y;
  const sx = (x: number) => AREA.left + ((x - x0) / (x1 - x0)) * (AREA.right - AREA.left);
  // Far-off values are pinned just outside the area (the clip path hides them) to keep coordinates small.
  const sy = (y: number) => Math.max(-1000, Math.min(HEIGHT + 1000, AREA.bottom - ((y - y0) / (y1 - y0)) * (AREA.bottom - AREA.top)));
  const xTicks = piTicks(x0, x1) ?? niceTicks(x0, x1, 8);
  const yTicks = niceTicks(y0, y1, 6);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="plot-title" font-family="${FONT}">`,
    `<title id="plot-title">${escape(plot.title)}</title>`,
    `<defs><clipPath id="plot-area"><rect x="${AREA.left}" y="${AREA.top}" width="${AREA.right - AREA.left}" height="${AREA.bottom - AREA.top}"/></clipPath></defs>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    grid(xTicks, yTicks, sx, sy),
    axes(x0, x1, y0, y1, sx, sy),
    `<rect x="${AREA.left}" y="${AREA.top}" width="${AREA.right - AREA.left}" height="${AREA.bottom - AREA.top}" fill="none" stroke="#9ca3af"/>`,
    labels(xTicks, yTicks, sx, sy),
    curves(plot.curves, sx, sy),
    `<text x="${(AREA.left + AREA.right) / 2}" y="26" text-anchor="middle" font-size="15" font-weight="600" fill="#111827">${escape(clip(plot.title, 70))}</text>`,
    `<text x="${(AREA.left + AREA.right) / 2}" y="${HEIGHT - 10}" text-anchor="middle" font-size="13" font-style="italic" fill="#374151">${escape(plot.xLabel)}</text>`,
  );
  if (plot.curves.length > 1) parts.push(legend(plot.curves));
  parts.push("</svg>");
  return parts.join("\n");
}

function grid(xTicks: Tick[], yTicks: Tick[], sx: (x: number) => number, sy: (y: number) => number): string {
  const lines = [
    ...xTicks.map((t) => `M${px(sx(t.value))} ${AREA.top}V${AREA.bottom}`),
    ...yTicks.map((t) => `M${AREA.left} ${px(sy(t.value))}H${AREA.right}`),
  ];
  return `<path d="${lines.join("")}" stroke="#e5e7eb" stroke-width="1" fill="none"/>`;
}

/** The lines x = 0 and y = 0, where they fall inside the plot. */
function axes(x0: number, x1: number, y0: number, y1: number, sx: (x: number) => number, sy: (y: number) => number): string {
  const d: string[] = [];
  if (x0 < 0 && x1 > 0) d.push(`M${px(sx(0))} ${AREA.top}V${AREA.bottom}`);
  if (y0 < 0 && y1 > 0) d.push(`M${AREA.left} ${px(sy(0))}H${AREA.right}`);
  return d.length ? `<path d="${d.join("")}" stroke="#6b7280" stroke-width="1.25" fill="none"/>` : "";
}

function labels(xTicks: Tick[], yTicks: Tick[], sx: (x: number) => number, sy: (y: number) => number): string {
  const marks = [
    ...xTicks.map((t) => `M${px(sx(t.value))} ${AREA.bottom}v5`),
    ...yTicks.map((t) => `M${AREA.left} ${px(sy(t.value))}h-5`),
  ].join("");
  const text = [
    ...xTicks.map((t) => `<text x="${px(sx(t.value))}" y="${AREA.bottom + 19}" text-anchor="middle">${escape(t.label)}</text>`),
    ...yTicks.map((t) => `<text x="${AREA.left - 9}" y="${px(sy(t.value) + 4)}" text-anchor="end">${escape(t.label)}</text>`),
  ].join("");
  return `<path d="${marks}" stroke="#9ca3af" fill="none"/><g font-size="12" fill="#4b5563">${text}</g>`;
}

function curves(list: Curve[], sx: (x: number) => number, sy: (y: number) => number): string {
  const paths = list.map((curve, i) => {
    const d: string[] = [];
    let last: [number, number] | undefined;
    for (const point of curve.points) {
      const [x, y] = [sx(point.x), sy(point.y)];
      if (!Number.isFinite(point.y) || point.breakBefore || !last) {
        if (Number.isFinite(point.y)) d.push(`M${px(x)} ${px(y)}`);
        last = Number.isFinite(point.y) ? [x, y] : undefined;
        continue;
      }
      // Points closer than a pixel to the last one drawn add nothing visible.
      if (Math.abs(x - last[0]) < 1 && Math.abs(y - last[1]) < 1) continue;
      d.push(`L${px(x)} ${px(y)}`);
      last = [x, y];
    }
    return `<path d="${d.join("")}" stroke="${COLOURS[i % COLOURS.length]}"/>`;
  });
  return `<g clip-path="url(#plot-area)" fill="none" stroke-width="2.25" stroke-linejoin="round" stroke-linecap="round">${paths.join("")}</g>`;
}

function legend(list: Curve[]): string {
  const width = Math.min(260, 44 + 7.2 * Math.max(...list.map((c) => clip(c.label, 32).length)));
  const height = 10 + 20 * list.length;
  const x = AREA.right - width - 10;
  const y = AREA.top + 10;
  const rows = list.map((curve, i) => {
    const cy = y + 15 + 20 * i;
    return (
      `<path d="M${px(x + 10)} ${cy}h22" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="3" stroke-linecap="round"/>` +
      `<text x="${px(x + 40)}" y="${cy + 4}">${escape(clip(curve.label, 32))}</text>`
    );
  });
  return `<g font-size="12" fill="#1f2937"><rect x="${px(x)}" y="${y}" width="${px(width)}" height="${height}" rx="5" fill="#ffffff" fill-opacity="0.92" stroke="#d1d5db"/>${rows.join("")}</g>`;
}

