import type { Comparison } from "../report.js"
import type { RenderContext } from "./render-context.js"
import {
  markdownFooter,
  markdownHeader,
  markdownIndicatorSection,
  markdownScenario,
  markdownTable,
} from "./report-markdown.js"
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
    lines.push(
      ...markdownIndicatorSection(indicator, DELTA_SERIES_HEADERS, (row) => [
        monthLabel(row.month, context),
        ...deltaCells(row),
      ]),
    )
  }
  lines.push(...markdownFooter(comparison.hash))
  return lines.join("\n")
}
