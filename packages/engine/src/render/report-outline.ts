import { lifecycleStateIds, type ScenarioSpec } from "@accord/domain"
import { calendarMonth, formatDelta, formatNumber, formatShare } from "@accord/domain/facts"
import type { Comparison, DeltaRow, QuantileRow, Report } from "../report.js"
import { describeAssumption, describeIntervention } from "./intervention-text.js"
import type { RenderContext } from "./render-context.js"

/**
 * The plain-text content of a handout, shared by the Markdown and HTML
 * renderers so that both say the same things; they only lay it out.
 */
export interface HandoutHeader {
  readonly title: string
  readonly disclaimer: string
  readonly modelCard: string
  /** Label/value lines: pack, horizon, runs, seed, model version. */
  readonly facts: ReadonlyArray<readonly [string, string]>
  readonly hash: string
}

export interface ScenarioInWords {
  readonly heading: string
  readonly interventions: ReadonlyArray<string>
  readonly assumptions: ReadonlyArray<string>
}

/** The final-state columns of a report's commitment table, in the lifecycle's own order. */
export const LIFECYCLE_COLUMNS = lifecycleStateIds

/** The pack's commitments with where they started and how far their sources can be trusted. */
export interface CommitmentSources {
  readonly note: string
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

export const COMMITMENT_SOURCES_HEADING = "Commitments and confidence"

/** The "commitments and confidence" section of a report; undefined when the renderer does not know the pack. */
export const commitmentSources = (context: RenderContext): CommitmentSources | undefined => {
  const pack = context.pack
  if (pack === undefined) return undefined
  const basis = new Map(pack.parameters.map((p) => [p.id as string, p.basis]))
  return {
    note:
      "Each commitment's state at the visit rests on a cited, dated fact; confidence is the weakest of its sources " +
      "(H: official or several agreeing sources, M: one reputable outlet, L: a mirror or an aggregator). " +
      "Amount: 'fact' when a source gave it, 'range if proposed' when a labelled assumption is drawn only once " +
      "the item is proposed, 'none' otherwise. Hazards and the sanctions pressure index are labelled assumptions " +
      "(the index is illustrative): see the model card. p10–p90 is the range of 80% of runs, not a likely range.",
    headers: ["commitment", "from → to", "state at the visit", "confidence", "before the visit", "amount"],
    rows: pack.commitments.map((c) => [
      c.title,
      `${c.from} → ${c.to}`,
      c.initialState,
      c.source.confidence,
      c.source.predatesVisit ? "yes" : "no",
      c.amount === undefined
        ? "none"
        : basis.get(c.amount.parameter) === "fact"
          ? "fact"
          : "range if proposed",
    ]),
  }
}

/** Header of a single scenario's report. */
export const reportHeader = (report: Report, context: RenderContext): HandoutHeader => ({
  title: `Accord scenario report: ${report.spec.name ?? unnamed(report.spec, context)}`,
  disclaimer: report.model.disclaimer,
  modelCard: context.modelCardHref ?? report.model.modelCard,
  facts: [
    ["Pack", packLine(report.pack, context)],
    ["Horizon", horizonLine(report.horizonMonths, context)],
    ["Runs", `${formatNumber(report.runs)} (seed ${report.seed})`],
    ["Model version", report.model.version],
    ...conditioningFacts(report),
  ],
  hash: report.hash,
})

/** What a conditioned report was weighted by, and its warnings, as header lines (none without asOf). */
const conditioningFacts = (report: Report): ReadonlyArray<readonly [string, string]> => {
  const conditioning = report.conditioning
  if (conditioning === undefined) return []
  const used = conditioning.observations.length
  const ignored = conditioning.ignored.length
  return [
    [
      "Conditioned on",
      `${used} observation${used === 1 ? "" : "s"} dated up to ${conditioning.asOf}` +
        `${ignored === 0 ? "" : ` (${ignored} more this model cannot compare with)`}; ` +
        `effective runs ${conditioning.effectiveRuns} of ${formatNumber(report.runs)}`,
    ],
    ...(report.warnings ?? []).map((warning) => ["Warning", warning] as const),
  ]
}

/** Header of a comparison of two scenarios. */
export const comparisonHeader = (comparison: Comparison, context: RenderContext): HandoutHeader => ({
  title: `Accord comparison: ${specName(comparison.variant, "variant")} vs ${specName(comparison.baseline, "baseline")}`,
  disclaimer: comparison.model.disclaimer,
  modelCard: context.modelCardHref ?? comparison.model.modelCard,
  facts: [
    ["Pack", packLine(comparison.pack, context)],
    ["Horizon", horizonLine(comparison.horizonMonths, context)],
    ["Runs", `${formatNumber(comparison.runs)} paired runs (seed ${comparison.seed}, common random numbers)`],
    ["Model version", comparison.model.version],
  ],
  hash: comparison.hash,
})

/** The scenario's interventions and overridden assumptions, in words. */
export const scenarioInWords = (
  spec: ScenarioSpec,
  heading: string,
  context: RenderContext,
  commitmentTitles: ReadonlyMap<string, string>,
): ScenarioInWords => {
  const names = (id: string) =>
    context.pack?.commitments.find((c) => c.id === id)?.title ?? commitmentTitles.get(id) ?? id
  return {
    heading,
    interventions: spec.interventions.map((i) => describeIntervention(i, names, context.pack)),
    assumptions: Object.entries(spec.assumptions ?? {}).map(([id, override]) =>
      describeAssumption(id, override, context.pack),
    ),
  }
}

/** The month column's label: "3" or "3 (Nov 2025)". */
export const monthLabel = (month: number, context: RenderContext): string => {
  const calendar = context.pack === undefined ? undefined : calendarMonth(context.pack.startMonth, month)
  return calendar === undefined ? String(month) : `${month} (${calendar})`
}

/** Formatted cells of one quantile row, after the month. */
export const quantileCells = (row: QuantileRow): ReadonlyArray<string> => [
  formatNumber(row.p10),
  formatNumber(row.p50),
  formatNumber(row.p90),
  formatNumber(row.mean),
]

export const QUANTILE_HEADERS = ["p10", "p50 (median)", "p90", "mean"] as const

/**
 * Indicators ordered by how much the variant moves them at the horizon:
 * the median change relative to the baseline median (an absent baseline
 * counts as 1 unit), largest first; ties keep the report's order.
 */
export const byDeltaSize = <T extends { readonly atHorizon: DeltaRow }>(
  indicators: ReadonlyArray<T>,
): ReadonlyArray<T> =>
  indicators
    .map((indicator, index) => ({ indicator, index, size: relativeDelta(indicator.atHorizon) }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({ indicator }) => indicator)

const relativeDelta = (row: DeltaRow): number =>
  Math.abs(row.deltaP50) / Math.max(Math.abs(row.baselineP50), 1)

const specName = (spec: ScenarioSpec, fallback: string): string => spec.name ?? fallback

const unnamed = (spec: ScenarioSpec, context: RenderContext): string =>
  `${spec.interventions.length === 0 ? "baseline" : "scenario"} of ${packTitle(spec.pack, context)}`

const packTitle = (packId: string, context: RenderContext): string =>
  context.pack?.id === packId ? context.pack.title : packId

const packLine = (packId: string, context: RenderContext): string =>
  context.pack?.id === packId ? `${context.pack.title} (${packId})` : packId

const horizonLine = (horizonMonths: number, context: RenderContext): string => {
  const end = context.pack === undefined ? undefined : calendarMonth(context.pack.startMonth, horizonMonths)
  const start = context.pack === undefined ? undefined : calendarMonth(context.pack.startMonth, 0)
  return start === undefined || end === undefined
    ? `${horizonMonths} months after the visit (month 0)`
    : `${horizonMonths} months: month 0 (${start}) to month ${horizonMonths} (${end})`
}

export const HORIZON_DELTA_HEADERS = [
  "indicator",
  "unit",
  "baseline p50",
  "variant p50",
  "change p50",
  "change p10 to p90",
  "runs where variant is higher",
] as const

/** One row of the "changes at the horizon" table. */
export const horizonDeltaCells = (indicator: {
  readonly label: string
  readonly unit: string
  readonly atHorizon: DeltaRow
}): ReadonlyArray<string> => {
  const row = indicator.atHorizon
  return [
    indicator.label,
    indicator.unit,
    formatNumber(row.baselineP50),
    formatNumber(row.variantP50),
    formatDelta(row.deltaP50),
    `${formatDelta(row.deltaP10)} to ${formatDelta(row.deltaP90)}`,
    formatShare(row.shareVariantHigher),
  ]
}

export const DELTA_SERIES_HEADERS = [
  "month",
  "baseline p50",
  "variant p50",
  "change p10",
  "change p50",
  "change p90",
  "variant higher",
] as const

/** Formatted cells of one month of paired differences, after the month. */
export const deltaCells = (row: DeltaRow): ReadonlyArray<string> => [
  formatNumber(row.baselineP50),
  formatNumber(row.variantP50),
  formatDelta(row.deltaP10),
  formatDelta(row.deltaP50),
  formatDelta(row.deltaP90),
  formatShare(row.shareVariantHigher),
]

export const DRIVER_HEADERS = ["indicator", "1st driver", "2nd driver", "3rd driver"] as const

/** The drivers' table rows (label and swing of the mean), and the note that says how they were found. */
export const driverRows = (context: RenderContext): ReadonlyArray<ReadonlyArray<string>> =>
  (context.drivers ?? []).map((d) => [
    d.label,
    ...[0, 1, 2].map((n) => {
      const driver = d.drivers[n]
      return driver === undefined ? "—" : `${driver.label} (±${formatNumber(driver.swing / 2)})`
    }),
  ])

export const DRIVERS_NOTE =
  "At the horizon, the inputs whose low-to-high range moves the mean the most (half the swing shown), each moved alone with the others drawn as usual: a quick one-at-a-time tornado at 50 runs per setting. The full tornado and the Sobol indices come from accord sensitivity or POST /api/sensitivity."
