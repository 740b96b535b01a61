import type { Comparison } from "../report.js"
import { sampleMonths, samplingNote } from "./month-sampling.js"
import type { RenderContext } from "./render-context.js"
import { markdownFooter, markdownHeader, markdownScenario, markdownTable } from "./report-markdown.js"
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
import { escapeMarkdown } from "./text-escape.js"

/** A comparison as a Markdown handout: both scenarios in words, changes at the horizon by size, then by month. */
export const comparisonToMarkdown = (comparison: Comparison, context: RenderContext = {}): string => {
  const none = new Map<string, string>()
  const sorted = byDeltaSize(comparison.indicators)
  const lines: Array<string> = [
    ...markdownHeader(comparisonHeader(comparison, context)),
    ...markdownScenario(scenarioInWords(comparison.baseline, "Baseline", context, none)),
    ...markdownScenario(scenarioInWords(comparison.variant, "Variant", context, none)),
    `## Changes at the horizon (month ${comparison.horizonMonths})`,
    "",
    "Variant minus baseline, run by run on shared random numbers; largest relative change first.",
    "",
    ...markdownTable(HORIZON_DELTA_HEADERS, sorted.map(horizonDeltaCells), 2),
    "",
    "## Changes by month",
    "",
  ]
  for (const indicator of sorted) {
    const all = indicator.series.map((row) => row.month)
    const shown = new Set(sampleMonths(all))
    const note = samplingNote(all, [...shown])
    lines.push(
      `### ${escapeMarkdown(indicator.label)} (${escapeMarkdown(indicator.unit)})`,
      "",
      `Indicator id: ${escapeMarkdown(indicator.id)}${note === undefined ? "" : `; months shown: ${note}`}.`,
      "",
      ...markdownTable(
        DELTA_SERIES_HEADERS,
        indicator.series
          .filter((row) => shown.has(row.month))
          .map((row) => [monthLabel(row.month, context), ...deltaCells(row)]),
      ),
      "",
    )
  }
  lines.push(...markdownFooter(comparison.hash))
  return lines.join("\n")
}
