import { lifecycleStates } from "@accord/domain"
import { reportHash } from "./canonical-json.js"
import type { CompiledModel } from "./compiled-model.js"
import { Float32OrderStatistics } from "./float32-order-statistics.js"
import { HEADLINE_INDICATOR, INDICATOR_IDS, type IndicatorId } from "./indicator-formulas.js"
import { modelInfo } from "./model-version.js"
import type { FinalStateShares, QuantileRow, Report, ReportConditioning } from "./report.js"
import {
  closestRun,
  describeCounts,
  isSmallCount,
  type RunStatistics,
  roundShare,
  roundStatistic,
} from "./run-statistics.js"
import { closestWeightedRun, describeWeightedRuns } from "./weighted-statistics.js"

/** What a conditioned report adds: each run's weight, the weighted final-state shares and the report fields. */
export interface WeightedRuns {
  readonly weights: Float64Array
  /** shares[c * states + s]: weighted share of runs ending in state s. */
  readonly finalStateShares: Float64Array
  readonly conditioning: ReportConditioning
  readonly warnings: ReadonlyArray<string>
}

/**
 * Collects a report month by month from every run's values (float32, in run
 * order). The one-thread path and the chunk path both feed it the same
 * numbers, so they produce the same bytes.
 */
export class ReportBuilder {
  private readonly rows: Array<Array<QuantileRow>> = INDICATOR_IDS.map(() => [])
  private readonly previous: Array<Float32Array>
  private readonly previousStats: Array<RunStatistics | undefined> = INDICATOR_IDS.map(() => undefined)
  private readonly orderStatistics: Float32OrderStatistics
  private readonly histogram = new Int32Array(COUNT_LIMIT)
  private representative = 0
  private readonly packed: Float64Array | undefined

  /** With `weighted`, statistics are over weighted runs (a spec with `asOf`). */
  constructor(
    private readonly model: CompiledModel,
    private readonly weighted?: WeightedRuns,
  ) {
    this.previous = INDICATOR_IDS.map(() => new Float32Array(model.runs))
    this.orderStatistics = new Float32OrderStatistics(model.runs)
    this.packed = weighted === undefined ? undefined : new Float64Array(model.runs)
  }

  /** Adds one indicator's values at one month for all runs (months in order). */
  addMonth(indicator: number, month: number, values: Float32Array): void {
    const previous = this.previous[indicator] as Float32Array
    const cached = this.previousStats[indicator]
    // Many indicators stand still for months in every run (all pledges made, all packages in force):
    // the statistics of an unchanged column are the previous month's, so they are not recomputed.
    const changed = copyIfChanged(values, previous)
    const weights = this.weighted?.weights
    const stats =
      cached !== undefined && !changed
        ? cached
        : weights !== undefined
          ? describeWeightedRuns(values, weights, this.packed)
          : COUNT_INDICATORS.has(INDICATOR_IDS[indicator] as IndicatorId) && isSmallCount(values, COUNT_LIMIT)
            ? describeCounts(values, this.histogram)
            : this.orderStatistics.describe(values)
    this.previousStats[indicator] = stats
    const { p10, p50, p90, mean } = stats
    this.rows[indicator]?.push({
      month,
      p10: roundStatistic(p10),
      p50: roundStatistic(p50),
      p90: roundStatistic(p90),
      mean: roundStatistic(mean),
    })
    if (month === this.model.horizon && INDICATOR_IDS[indicator] === HEADLINE_INDICATOR) {
      this.representative =
        weights === undefined ? closestRun(values, p50) : closestWeightedRun(values, weights, p50)
    }
  }

  /** The finished report, given runs' final states (counts[c * 5 + state]). */
  build(finalStateCounts: Int32Array): Report {
    const { model } = this
    const runs = model.runs
    const indicators = model.pack.indicators.map((definition) => ({
      id: definition.id,
      label: definition.label,
      unit: definition.unit,
      series: this.rows[INDICATOR_IDS.indexOf(definition.id as (typeof INDICATOR_IDS)[number])] ?? [],
    }))
    const commitments = model.commitments.map((c, ci) => ({
      id: c.id,
      title: c.title,
      finalStates: Object.fromEntries(
        lifecycleStates.map((s, si) => [
          s,
          roundShare(
            this.weighted?.finalStateShares[ci * lifecycleStates.length + si] ??
              (finalStateCounts[ci * lifecycleStates.length + si] ?? 0) / runs,
          ),
        ]),
      ) as FinalStateShares,
    }))
    const body = {
      pack: model.pack.id as string,
      seed: model.seed,
      runs,
      horizonMonths: model.horizon,
      spec: model.spec,
      indicators,
      commitments,
      representativeRun: { index: this.representative, indicator: HEADLINE_INDICATOR },
      model: { ...modelInfo },
      // Only a conditioned report has these fields: an unconditioned one keeps its bytes.
      ...(this.weighted === undefined
        ? {}
        : {
            conditioning: this.weighted.conditioning,
            ...(this.weighted.warnings.length > 0 ? { warnings: this.weighted.warnings } : {}),
          }),
    }
    return { hash: reportHash(body), ...body }
  }
}

/** Copies `values` into `previous` and says whether anything differed, in one pass. */
const copyIfChanged = (values: Float32Array, previous: Float32Array): boolean => {
  let changed = false
  for (let r = 0; r < values.length; r++) {
    const v = values[r] as number
    if (previous[r] !== v) {
      previous[r] = v
      changed = true
    }
  }
  return changed
}

/** Indicators that count things: their quantiles come from a histogram when values are small. */
const COUNT_INDICATORS: ReadonlySet<IndicatorId> = new Set([
  "sanctions.packages_adopted",
  "defense.consultations_held",
  "commitments.implemented",
])
const COUNT_LIMIT = 1024
