import { formatNumber } from "@accord/domain/facts"
import { escapeHtml } from "./text-escape.js"

/** One month of a band: low and high edges (p10, p90) and the central line (p50). */
export interface BandPoint {
  readonly month: number
  readonly low: number
  readonly mid: number
  readonly high: number
}

export interface FanChartInput {
  /** Unique within the page, used for aria ids; must be a plain token. */
  readonly key: string
  readonly title: string
  readonly description: string
  readonly unit: string
  readonly points: ReadonlyArray<BandPoint>
  /** Draws a dashed line at zero (for deltas). */
  readonly zeroLine?: boolean
}

const WIDTH = 640
const HEIGHT = 260
const MARGIN = { left: 72, right: 16, top: 14, bottom: 44 } as const
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom

/**
 * An inline SVG fan chart: the p10–p90 band, the p50 line, labelled axes,
 * with <title> and <desc> for screen readers. Every text node is escaped.
 */
export const fanChartSvg = (input: FanChartInput): string => {
  const { points } = input
  const key = input.key.replace(/[^a-zA-Z0-9_-]/g, "_")
  const titleId = `${key}-title`
  const descId = `${key}-desc`
  const firstMonth = points[0]?.month ?? 0
  const lastMonth = Math.max(points[points.length - 1]?.month ?? 1, firstMonth + 1)
  const values = points.flatMap((p) => [p.low, p.mid, p.high]).filter(Number.isFinite)
  const yTicks = niceTicks(Math.min(0, ...values), Math.max(0, ...values))
  const yMin = yTicks[0] as number
  const yMax = yTicks[yTicks.length - 1] as number
  const x = (month: number) => MARGIN.left + ((month - firstMonth) / (lastMonth - firstMonth)) * PLOT_W
  const y = (value: number) => MARGIN.top + PLOT_H - ((value - yMin) / (yMax - yMin)) * PLOT_H
  const band = [
    ...points.map((p) => `${n(x(p.month))},${n(y(p.high))}`),
    ...[...points].reverse().map((p) => `${n(x(p.month))},${n(y(p.low))}`),
  ].join(" ")
  const line = points.map((p) => `${n(x(p.month))},${n(y(p.mid))}`).join(" ")
  const xTicks = monthTicks(firstMonth, lastMonth)
  const bottom = MARGIN.top + PLOT_H
  return [
    `<svg class="fan-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}">`,
    `<title id="${titleId}">${escapeHtml(input.title)}</title>`,
    `<desc id="${descId}">${escapeHtml(input.description)}</desc>`,
    `<g class="grid" aria-hidden="true">`,
    ...yTicks.map(
      (t) =>
        `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="#ddd" stroke-width="1"/>`,
    ),
    `</g>`,
    points.length > 0 ? `<polygon class="band" points="${band}" fill="#9ecae1" fill-opacity="0.6"/>` : "",
    input.zeroLine === true && yMin < 0 && yMax > 0
      ? `<line class="zero" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${n(y(0))}" y2="${n(y(0))}" stroke="#555" stroke-dasharray="4 3"/>`
      : "",
    points.length > 0
      ? `<polyline class="median" points="${line}" fill="none" stroke="#08519c" stroke-width="2"/>`
      : "",
    `<g class="axes" font-family="system-ui, sans-serif" font-size="11" fill="#333">`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`,
    ...yTicks.map(
      (t) =>
        `<text x="${MARGIN.left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${escapeHtml(formatNumber(t))}</text>`,
    ),
    ...xTicks.map(
      (m) =>
        `<line x1="${n(x(m))}" x2="${n(x(m))}" y1="${bottom}" y2="${bottom + 4}" stroke="#333"/><text x="${n(x(m))}" y="${bottom + 16}" text-anchor="middle">${m}</text>`,
    ),
    `<text x="${n(MARGIN.left + PLOT_W / 2)}" y="${HEIGHT - 6}" text-anchor="middle">Month</text>`,
    `<text transform="translate(14 ${n(MARGIN.top + PLOT_H / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(input.unit)}</text>`,
    `</g>`,
    `</svg>`,
  ]
    .filter((part) => part !== "")
    .join("\n")
}

/** Rounds a coordinate to one decimal so that the SVG text stays short and stable. */
const n = (value: number): string => String(Math.round(value * 10) / 10)

/** Evenly spaced "nice" ticks (1, 2, 5 × 10^k) covering [min, max]. */
export const niceTicks = (min: number, max: number, target = 5): ReadonlyArray<number> => {
  if (!(max > min)) return [min, min + 1]
  const raw = (max - min) / target
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power
  const start = Math.floor(min / step) * step
  const ticks: Array<number> = []
  for (let i = 0; ; i++) {
    const t = Number((start + i * step).toPrecision(12))
    ticks.push(t)
    if (t >= max) break
  }
  return ticks
}

/** Month ticks at a round step: every month up to 12, then 3, 6, 12 or 24. */
const monthTicks = (first: number, last: number): ReadonlyArray<number> => {
  const span = last - first
  const step = [1, 2, 3, 6, 12, 24].find((s) => span / s <= 12) ?? Math.ceil(span / 12)
  const ticks: Array<number> = []
  for (let m = Math.ceil(first / step) * step; m <= last; m += step) ticks.push(m)
  // Keep the horizon labelled; drop a tick so close to it that the labels would collide.
  if (ticks[ticks.length - 1] !== last) {
    if (last - (ticks[ticks.length - 1] as number) < step / 2) ticks.pop()
    ticks.push(last)
  }
  return ticks
}
