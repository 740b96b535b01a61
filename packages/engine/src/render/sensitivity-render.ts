import { formatNumber } from "@accord/domain/facts"
import { canonicalJson } from "../canonical-json.js"
import type {
  GoalResult,
  SensitivityResult,
  SobolResult,
  TornadoResult,
} from "../sensitivity/sensitivity-result.js"
import { htmlDocument, htmlHeader, htmlTable } from "./html-page.js"
import type { RenderContext, RenderFormat } from "./render-context.js"
import { markdownHeader, markdownTable } from "./report-markdown.js"
import type { HandoutHeader } from "./report-outline.js"
import { csvRecords, escapeHtml } from "./text-escape.js"

const TORNADO_HEADERS = [
  "input",
  "id",
  "low",
  "high",
  "mean at low",
  "mean at high",
  "p50 at low",
  "p50 at high",
  "swing (mean)",
]
const SOBOL_HEADERS = ["input", "id", "first order", "90 % interval", "total", "90 % interval"]

const header = (
  result: SensitivityResult | GoalResult,
  title: string,
  facts: ReadonlyArray<readonly [string, string]>,
  context: RenderContext,
): HandoutHeader => ({
  title,
  disclaimer: result.model.disclaimer,
  modelCard: context.modelCardHref ?? result.model.modelCard,
  facts: [
    ["Pack", result.pack],
    [
      "Indicator",
      `${result.indicator.label} (${result.indicator.id}, ${result.indicator.unit}) at month ${result.month}`,
    ],
    ...facts,
    ["Model version", result.model.version],
  ],
  hash: "",
})

const tornadoRows = (t: TornadoResult) =>
  t.bars.map((bar) => [
    bar.label,
    bar.id,
    formatNumber(bar.low),
    formatNumber(bar.high),
    formatNumber(bar.atLow.mean),
    formatNumber(bar.atHigh.mean),
    formatNumber(bar.atLow.p50),
    formatNumber(bar.atHigh.p50),
    formatNumber(bar.swing),
  ])

const interval = ([lo, hi]: readonly [number, number]) => `${lo} – ${hi}`
const sobolRows = (s: SobolResult) =>
  s.indices.map((x) => [
    x.label,
    x.id,
    String(x.firstOrder),
    interval(x.firstOrderInterval),
    String(x.total),
    interval(x.totalInterval),
  ])

const tornadoFacts = (t: TornadoResult): ReadonlyArray<readonly [string, string]> => [
  [
    "Method",
    "one at a time: each parameter fixed at its low and at its high, every other drawn as usual (common random numbers); each lever of the spec ±25 %",
  ],
  ["Runs per setting", `${formatNumber(t.runsPerSetting)} (seed ${t.seed})`],
  ["Baseline", `mean ${formatNumber(t.baseline.mean)}, p50 ${formatNumber(t.baseline.p50)}`],
]

const sobolFacts = (s: SobolResult): ReadonlyArray<readonly [string, string]> => [
  [
    "Method",
    "variance-based: Saltelli sampling, Saltelli 2010 first-order and Jansen total-effect estimators, bootstrap 90 % intervals",
  ],
  [
    "Samples",
    `N = ${formatNumber(s.samples)} per matrix, ${formatNumber(s.evaluations)} runs, ${s.resamples} bootstrap resamples (seed ${s.seed})`,
  ],
  ["Indicator", `mean ${formatNumber(s.mean)}, variance ${formatNumber(s.variance)}`],
  [
    "Sum of first-order indices",
    `${s.firstOrderSum} (parameters alone; the rest of the variance is chance and interactions)`,
  ],
]

/** Swings not shown: parameters with no effect at all. */
const shownBars = (t: TornadoResult) => t.bars.filter((bar) => bar.swing > 0)

const tornadoMarkdown = (t: TornadoResult, context: RenderContext) => [
  ...markdownHeader(
    header(t, `Accord sensitivity (tornado): ${t.indicator.label}`, tornadoFacts(t), context),
  ),
  "## Drivers, largest swing first",
  "",
  ...markdownTable(TORNADO_HEADERS, tornadoRows({ ...t, bars: shownBars(t) }), 2),
  "",
  `Inputs with no effect on this indicator: ${t.bars.length - shownBars(t).length}. Pinned (no range): ${t.pinned.join(", ") || "none"}.`,
  "",
  "One at a time misses interactions: use the Sobol method to see them.",
  "",
]

const sobolMarkdown = (s: SobolResult, context: RenderContext) => [
  ...markdownHeader(header(s, `Accord sensitivity (Sobol): ${s.indicator.label}`, sobolFacts(s), context)),
  ...(s.note === undefined ? [] : [s.note, ""]),
  "## Indices, largest total effect first",
  "",
  ...markdownTable(SOBOL_HEADERS, sobolRows(s), 2),
  "",
  "First order: the share of the indicator's variance an input explains alone. Total: alone and through interactions. `chance` is the runs' own random events given the parameters.",
  "",
]

/** A horizontal bar chart of a tornado: the baseline mean in the middle, each bar from mean at low to mean at high. */
export const tornadoChartSvg = (t: TornadoResult, limit = 15): string => {
  const bars = shownBars(t).slice(0, limit)
  const values = bars.flatMap((b) => [b.atLow.mean, b.atHigh.mean]).concat(t.baseline.mean)
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const width = 560
  const left = 220
  const row = 18
  const x = (v: number) => left + (hi === lo ? 0 : ((v - lo) / (hi - lo)) * (width - left - 10))
  const rows = bars.map((b, i) => {
    const [a, z] = [x(Math.min(b.atLow.mean, b.atHigh.mean)), x(Math.max(b.atLow.mean, b.atHigh.mean))]
    const y = 4 + i * row
    return `<text x="${left - 6}" y="${y + 12}" text-anchor="end" font-size="11">${escapeHtml(b.label.slice(0, 38))}</text><rect x="${a.toFixed(1)}" y="${y + 2}" width="${Math.max(1, z - a).toFixed(1)}" height="${row - 6}" fill="#2563eb"><title>${escapeHtml(`${b.id}: ${b.atLow.mean} → ${b.atHigh.mean}`)}</title></rect>`
  })
  const base = x(t.baseline.mean).toFixed(1)
  const height = 8 + bars.length * row
  return `<svg class="tornado" role="img" aria-label="${escapeHtml(`Tornado of ${t.indicator.label}: mean with each input at its low and high`)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rows.join("")}<line x1="${base}" x2="${base}" y1="0" y2="${height}" stroke="#111" stroke-dasharray="3 2"/></svg>`
}

const html = (result: SensitivityResult, context: RenderContext) => {
  if (result.method === "tornado") {
    return htmlDocument(`Tornado: ${result.indicator.label}`, [
      ...htmlHeader(
        header(
          result,
          `Accord sensitivity (tornado): ${result.indicator.label}`,
          tornadoFacts(result),
          context,
        ),
      ),
      "<section>",
      "<h2>Drivers, largest swing first</h2>",
      tornadoChartSvg(result),
      htmlTable(
        "Mean and median with each input at its low and at its high",
        TORNADO_HEADERS,
        tornadoRows({ ...result, bars: shownBars(result) }),
        2,
      ),
      "<p>One at a time misses interactions: use the Sobol method to see them.</p>",
      "</section>",
    ])
  }
  return htmlDocument(`Sobol: ${result.indicator.label}`, [
    ...htmlHeader(
      header(result, `Accord sensitivity (Sobol): ${result.indicator.label}`, sobolFacts(result), context),
    ),
    "<section>",
    "<h2>Indices, largest total effect first</h2>",
    ...(result.note === undefined ? [] : [`<p>${escapeHtml(result.note)}</p>`]),
    htmlTable(
      "First-order and total-effect indices with bootstrap 90 % intervals",
      SOBOL_HEADERS,
      sobolRows(result),
      2,
    ),
    "</section>",
  ])
}

const csv = (result: SensitivityResult) =>
  result.method === "tornado"
    ? csvRecords([
        ["kind", "id", "low", "high", "mean_at_low", "mean_at_high", "p50_at_low", "p50_at_high", "swing"],
        ...result.bars.map((b) =>
          [b.kind, b.id, b.low, b.high, b.atLow.mean, b.atHigh.mean, b.atLow.p50, b.atHigh.p50, b.swing].map(
            String,
          ),
        ),
      ])
    : csvRecords([
        ["kind", "id", "first_order", "first_order_p5", "first_order_p95", "total", "total_p5", "total_p95"],
        ...result.indices.map((x) =>
          [x.kind, x.id, x.firstOrder, ...x.firstOrderInterval, x.total, ...x.totalInterval].map(String),
        ),
      ])

/** Renders a sensitivity result as canonical JSON, Markdown, CSV or a self-contained HTML page. Pure. */
export const renderSensitivity = (
  result: SensitivityResult,
  format: RenderFormat,
  context: RenderContext = {},
): string => {
  switch (format) {
    case "json":
      return canonicalJson(result)
    case "markdown":
      return (
        result.method === "tornado" ? tornadoMarkdown(result, context) : sobolMarkdown(result, context)
      ).join("\n")
    case "csv":
      return csv(result)
    case "html":
      return html(result, context)
  }
}

/** A goal result as Markdown: the answer in words, then every value tried. */
export const goalToMarkdown = (goal: GoalResult, context: RenderContext = {}): string =>
  [
    ...markdownHeader(
      header(
        goal,
        `Accord: what would it take? ${goal.indicator.label}`,
        [
          [
            "Goal",
            `${goal.indicator.id} ≥ ${formatNumber(goal.target)} at month ${goal.month} in at least ${formatNumber(goal.probability * 100)} % of runs`,
          ],
          [
            "Lever",
            `intervention ${goal.lever.intervention} field ${goal.lever.field} (now ${goal.lever.value}; range ${goal.lever.min} – ${goal.lever.max})`,
          ],
        ],
        context,
      ),
    ),
    `**${goal.message}**`,
    "",
    ...(goal.answer === undefined
      ? []
      : [
          `Run as written (the intervention's own random stream), the spec at ${goal.answer.value} reaches the target in ${formatNumber(goal.answer.probabilityAsWritten * 100)} % of runs.`,
          "",
        ]),
    "## Values tried (bisection under common random numbers)",
    "",
    ...markdownTable(
      ["value", "share of runs reaching the target"],
      goal.evaluations.map((e) => [String(e.value), `${formatNumber(e.probability * 100)} %`]),
      0,
    ),
    "",
  ].join("\n")
