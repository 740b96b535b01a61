import { formatDelta, formatShare } from "@accord/domain/facts"
import type { Comparison } from "../report.js"
import { fanChartSvg } from "./fan-chart-svg.js"
import { htmlDocument, htmlFooter, htmlHeader, htmlScenario, htmlTable } from "./html-page.js"
import { sampleMonths, samplingNote } from "./month-sampling.js"
import type { RenderContext } from "./render-context.js"
import {
  byDeltaSize,
  comparisonHeader,
  DELTA_SERIES_HEADERS,
  deltaCells,
  HORIZON_DELTA_HEADERS,
  horizonDeltaCells,
  monthLabel,
  scenarioInWords,
} from "./report-outline.js"
import { escapeHtml } from "./text-escape.js"

/** A comparison as one self-contained, printable HTML page with a chart of the paired change per indicator. */
export const comparisonToHtml = (comparison: Comparison, context: RenderContext = {}): string => {
  const header = comparisonHeader(comparison, context)
  const none = new Map<string, string>()
  const sorted = byDeltaSize(comparison.indicators)
  const body = [
    ...htmlHeader(header),
    ...htmlScenario(scenarioInWords(comparison.baseline, "Baseline", context, none)),
    ...htmlScenario(scenarioInWords(comparison.variant, "Variant", context, none)),
    "<section>",
    `<h2>Changes at the horizon (month ${comparison.horizonMonths})</h2>`,
    htmlTable(
      "Variant minus baseline, run by run on shared random numbers; largest relative change first",
      HORIZON_DELTA_HEADERS,
      sorted.map(horizonDeltaCells),
      2,
    ),
    "</section>",
    "<section>",
    "<h2>Changes by month</h2>",
    "<p>Shaded band: 80% of paired runs (p10 to p90 of variant minus baseline); line: the median change; dashed: no change.</p>",
    ...sorted.flatMap((indicator, index) => {
      const all = indicator.series.map((row) => row.month)
      const shownMonths = sampleMonths(all)
      const shown = new Set(shownMonths)
      const note = samplingNote(all, shownMonths)
      const h = indicator.atHorizon
      return [
        '<article class="indicator">',
        `<h3>${escapeHtml(indicator.label)} <small>(${escapeHtml(indicator.unit)})</small></h3>`,
        fanChartSvg({
          key: `delta-${index}`,
          title: `Change in ${indicator.label} (${indicator.unit}), variant minus baseline, by month`,
          description: `At month ${h.month} the median change is ${formatDelta(h.deltaP50)} ${indicator.unit}, with 80% of paired runs between ${formatDelta(h.deltaP10)} and ${formatDelta(h.deltaP90)}; the variant is higher in ${formatShare(h.shareVariantHigher)} of runs. The table below gives the values.`,
          unit: `change (${indicator.unit})`,
          zeroLine: true,
          points: indicator.series.map((r) => ({
            month: r.month,
            low: r.deltaP10,
            mid: r.deltaP50,
            high: r.deltaP90,
          })),
        }),
        htmlTable(
          `Change in ${indicator.label} (${indicator.unit}), indicator ${indicator.id}${note === undefined ? "" : `; months shown: ${note}`}`,
          DELTA_SERIES_HEADERS,
          indicator.series
            .filter((row) => shown.has(row.month))
            .map((row) => [monthLabel(row.month, context), ...deltaCells(row)]),
        ),
        "</article>",
      ]
    }),
    "</section>",
    ...htmlFooter(comparison.hash, "Comparison"),
  ]
  return htmlDocument(header.title, body)
}
