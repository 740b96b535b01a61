import { Schema } from "effect"
import { Comparison, Report } from "../report.js"

/** Hand-made reports and comparisons for renderer tests: realistic shape, chosen names and sizes. */
export interface SampleOptions {
  readonly horizonMonths?: number
  readonly indicatorLabel?: string
  readonly indicatorUnit?: string
  readonly indicatorId?: string
  readonly commitmentTitle?: string
  readonly scenarioName?: string
  readonly interventionLabel?: string
  readonly modelCard?: string
}

const cumulative = (month: number, scale: number) => {
  const p50 = scale * (1 - Math.exp(-month / 8))
  return { month, p10: p50 * 0.6, p50, p90: p50 * 1.5, mean: p50 * 1.02 }
}

const spec = (options: SampleOptions, horizonMonths: number, withInterventions: boolean) => ({
  pack: "sybiha-visit-2025",
  ...(options.scenarioName === undefined ? {} : { name: options.scenarioName }),
  horizonMonths,
  runs: 1000,
  seed: 42,
  interventions: withInterventions
    ? [
        {
          type: "sanctions-package",
          month: 3,
          coverage: 0.3,
          enforcement: 0.8,
          ...(options.interventionLabel === undefined ? {} : { label: options.interventionLabel }),
        },
        { type: "aid-package", month: 6, sector: "energy", amountUsdM: 1000, form: "grant" },
        { type: "delay", commitment: "energy-projects", months: 6 },
        { type: "withdraw", commitment: "digital-projects", month: 9 },
        { type: "sanctions-evasion", month: 12, evasionPerMonth: 0.008, label: "Shadow fleet" },
      ]
    : [],
  ...(withInterventions ? { assumptions: { "cost-per-mw-usd-m": 1.2 } } : {}),
})

const model = (options: SampleOptions) => ({
  version: "0.1.0",
  disclaimer: "A teaching model, not a forecast.",
  modelCard: options.modelCard ?? "https://example.org/accord/docs/model.md",
})

/** A report over `horizonMonths` (default 24) with three indicators and two commitments. */
export const sampleReport = (options: SampleOptions = {}): Report => {
  const horizonMonths = options.horizonMonths ?? 24
  const months = Array.from({ length: horizonMonths + 1 }, (_, m) => m)
  return Schema.decodeUnknownSync(Report)({
    hash: "ab".repeat(32),
    pack: "sybiha-visit-2025",
    seed: 42,
    runs: 1000,
    horizonMonths,
    spec: spec(options, horizonMonths, true),
    indicators: [
      {
        id: options.indicatorId ?? "energy.capacity_restored_mw",
        label: options.indicatorLabel ?? "Energy capacity restored",
        unit: options.indicatorUnit ?? "MW",
        series: months.map((m) => cumulative(m, 400)),
      },
      {
        id: "funds.disbursed_usd_m",
        label: "Funds disbursed",
        unit: "USD m",
        series: months.map((m) => cumulative(m, 2500)),
      },
      {
        id: "sanctions.pressure_index",
        label: "Sanctions pressure index",
        unit: "index 0-100",
        series: months.map((m) => ({ month: m, p10: 30, p50: 42.5, p90: 55, mean: 42 })),
      },
    ],
    commitments: [
      {
        id: "energy-projects",
        title: options.commitmentTitle ?? "Sustainable energy joint projects",
        finalStates: {
          discussed: 0,
          proposed: 0.1,
          agreed: 0.3,
          implemented: 0.55,
          stalled: 0.02,
          withdrawn: 0.03,
        },
      },
      {
        id: "digital-projects",
        title: "Digital transformation projects",
        finalStates: { discussed: 0, proposed: 0, agreed: 0, implemented: 0, stalled: 0, withdrawn: 1 },
      },
    ],
    representativeRun: { index: 17, indicator: "funds.disbursed_usd_m" },
    model: model(options),
  })
}

/** A comparison of a baseline with a variant that adds the sample interventions. */
export const sampleComparison = (options: SampleOptions = {}): Comparison => {
  const horizonMonths = options.horizonMonths ?? 24
  const months = Array.from({ length: horizonMonths + 1 }, (_, m) => m)
  const row = (month: number, scale: number, deltaShare: number) => {
    const base = scale * (1 - Math.exp(-month / 10))
    const delta = scale * deltaShare * (month / horizonMonths)
    return {
      month,
      baselineP50: base,
      variantP50: base + delta,
      deltaP10: 0 - delta * 0.2,
      deltaP50: delta,
      deltaP90: delta * 2,
      deltaMean: delta * 1.1,
      shareVariantHigher: month === 0 ? 0 : 0.8,
    }
  }
  const indicator = (id: string, label: string, unit: string, scale: number, deltaShare: number) => {
    const series = months.map((m) => row(m, scale, deltaShare))
    return { id, label, unit, atHorizon: series[series.length - 1], series }
  }
  return Schema.decodeUnknownSync(Comparison)({
    hash: "cd".repeat(32),
    pack: "sybiha-visit-2025",
    seed: 42,
    runs: 1000,
    horizonMonths,
    baseline: spec({ scenarioName: "Baseline" }, horizonMonths, false),
    variant: spec(options, horizonMonths, true),
    indicators: [
      indicator("funds.disbursed_usd_m", "Funds disbursed", "USD m", 100, 0.02),
      indicator(
        options.indicatorId ?? "energy.capacity_restored_mw",
        options.indicatorLabel ?? "Energy capacity restored",
        options.indicatorUnit ?? "MW",
        4000,
        0.3,
      ),
      indicator("defense.consultations_held", "Defense consultations held", "count", 0, 0),
    ],
    model: model(options),
  })
}
