import { formatShare } from "@accord/domain/facts"
import type { Report } from "../report.js"
import { sampleMonths, samplingNote } from "./month-sampling.js"
import type { RenderContext } from "./render-context.js"
import {
  COMMITMENT_SOURCES_HEADING,
  commitmentSources,
  DRIVER_HEADERS,
  DRIVERS_NOTE,
  driverRows,
  type HandoutHeader,
  LIFECYCLE_COLUMNS,
  monthLabel,
  QUANTILE_HEADERS,
  quantileCells,
  reportHeader,
  type ScenarioInWords,
  scenarioInWords,
} from "./report-outline.js"
import { escapeMarkdown, safeHref } from "./text-escape.js"

/** A report as a Markdown handout: disclaimer, the scenario in words, a table per indicator, outcomes, hash. */
export const reportToMarkdown = (report: Report, context: RenderContext = {}): string => {
  const titles = new Map(report.commitments.map((c) => [c.id, c.title] as const))
  const lines: Array<string> = [
    ...markdownHeader(reportHeader(report, context)),
    ...markdownScenario(scenarioInWords(report.spec, "Scenario", context, titles)),
    ...(context.drivers === undefined
      ? []
      : [
          "## Largest drivers",
          "",
          DRIVERS_NOTE,
          "",
          ...markdownTable(DRIVER_HEADERS, driverRows(context), 4),
          "",
        ]),
    "## Indicators",
    "",
    "Each table gives the median (p50), the range of 80% of runs (p10 to p90) and the mean.",
    "",
  ]
  for (const indicator of report.indicators) {
    lines.push(
      ...markdownIndicatorSection(indicator, ["month", ...QUANTILE_HEADERS], (row) => [
        monthLabel(row.month, context),
        ...quantileCells(row),
      ]),
    )
  }
  lines.push(
    "## Commitment outcomes",
    "",
    `Share of runs in which each commitment ends the horizon (month ${report.horizonMonths}) in each state.`,
    "",
    ...markdownTable(
      ["commitment", ...LIFECYCLE_COLUMNS],
      report.commitments.map((c) => [
        c.title,
        ...LIFECYCLE_COLUMNS.map((s) => formatShare(c.finalStates[s])),
      ]),
    ),
    "",
    ...markdownSources(context),
    ...markdownFooter(report.hash),
  )
  return lines.join("\n")
}

/** The commitments and the confidence of their sources (when the pack is known). */
const markdownSources = (context: RenderContext): ReadonlyArray<string> => {
  const sources = commitmentSources(context)
  if (sources === undefined) return []
  return [
    `## ${COMMITMENT_SOURCES_HEADING}`,
    "",
    escapeMarkdown(sources.note),
    "",
    ...markdownTable(sources.headers, sources.rows, sources.headers.length),
    "",
  ]
}

/** Title, disclaimer line and the facts list. */
export const markdownHeader = (header: HandoutHeader): ReadonlyArray<string> => [
  `# ${escapeMarkdown(header.title)}`,
  "",
  `> **${escapeMarkdown(header.disclaimer)}** See the ${markdownLink("model card", header.modelCard)}.`,
  "",
  ...header.facts.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`),
  "",
]

/** A scenario's interventions and assumptions as lists. */
export const markdownScenario = (scenario: ScenarioInWords): ReadonlyArray<string> => [
  `## ${escapeMarkdown(scenario.heading)}`,
  "",
  "Interventions:",
  "",
  ...(scenario.interventions.length === 0
    ? ["- none (the pack's commitments only)"]
    : scenario.interventions.map((text) => `- ${escapeMarkdown(text)}`)),
  "",
  "Assumptions overridden:",
  "",
  ...(scenario.assumptions.length === 0
    ? ["- none (the pack's ranges)"]
    : scenario.assumptions.map((text) => `- ${escapeMarkdown(text)}`)),
  "",
]

/** A GitHub-flavoured table; every cell escaped, the first `textColumns` left-aligned, numbers right-aligned. */
/**
 * An indicator's section: its heading with the unit, its id, and its series as a table of sampled months
 * (the note says which), one row a month.
 */
export const markdownIndicatorSection = <Row extends { readonly month: number }>(
  indicator: {
    readonly id: string
    readonly label: string
    readonly unit: string
    readonly series: ReadonlyArray<Row>
  },
  headers: ReadonlyArray<string>,
  cells: (row: Row) => ReadonlyArray<string>,
): ReadonlyArray<string> => {
  const all = indicator.series.map((row) => row.month)
  const shown = new Set(sampleMonths(all))
  const note = samplingNote(all, [...shown])
  return [
    `### ${escapeMarkdown(indicator.label)} (${escapeMarkdown(indicator.unit)})`,
    "",
    `Indicator id: ${escapeMarkdown(indicator.id)}${note === undefined ? "" : `; months shown: ${note}`}.`,
    "",
    ...markdownTable(headers, indicator.series.filter((row) => shown.has(row.month)).map(cells)),
    "",
  ]
}

export const markdownTable = (
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  textColumns = 1,
): ReadonlyArray<string> => [
  `| ${headers.map(escapeMarkdown).join(" | ")} |`,
  `| ${headers.map((_, i) => (i < textColumns ? "---" : "---:")).join(" | ")} |`,
  ...rows.map((row) => `| ${row.map(escapeMarkdown).join(" | ")} |`),
]

/** The closing line with the content hash that identifies the report. */
export const markdownFooter = (hash: string): ReadonlyArray<string> => [
  "---",
  "",
  `Report hash (SHA-256 of the canonical report): \`${hash.replace(/[^0-9a-zA-Z]/g, "")}\``,
  "",
]

/** A link whose target cannot break out of the Markdown syntax. */
const markdownLink = (text: string, target: string): string =>
  `[${escapeMarkdown(text)}](<${encodeURI(safeHref(target))}>)`
