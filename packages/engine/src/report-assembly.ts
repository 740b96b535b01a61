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
  /** Each indicator's last column as order-preserving keys: the change check and the selection's input in one pass. */
  private keys: Array<Uint32Array> = []
  private readonly previousStats: Array<RunStatistics | undefined> = INDICATOR_IDS.map(() => undefined)
  /** With `keys`, made at the first `addMonth` (the block path, which only calls `addStatistics`, needs neither). */
  private orderStatistics: Float32OrderStatistics | undefined
  private readonly histogram = new Int32Array(COUNT_LIMIT)
  private representative = 0
  private readonly packed: Float64Array | undefined

  /** With `weighted`, statistics are over weighted runs (a spec with `asOf`). */
  constructor(
    private readonly model: CompiledModel,
    private readonly weighted?: WeightedRuns,
  ) {
    this.packed = weighted === undefined ? undefined : new Float64Array(model.runs)
  }

  /**
   * Adds one indicator's values at one month for all runs (months in order). `moved` false says the column is
   * last month's, bit for bit (the kernel's `movedIndicators`): its statistics are then last month's, unread.
   */
  addMonth(indicator: number, month: number, values: Float32Array, moved = true): void {
    const orderStatistics = this.orderStatistics ?? this.allocateColumns()
    const keys = this.keys[indicator] as Uint32Array
    const cached = this.previousStats[indicator]
    // Many indicators stand still for months in every run (all pledges made, all packages in force):
    // the statistics of an unchanged column are the previous month's, so they are not recomputed; the keys of
    // a column the kernel says did not move are last month's, so it is not even read.
    const changed =
      cached === undefined || moved
        ? orderStatistics.load(values, keys, values.length, cached === undefined)
        : false
    const weights = this.weighted?.weights
    const stats =
      cached !== undefined && !changed
        ? cached
        : weights !== undefined
          ? describeWeightedRuns(values, weights, this.packed)
          : COUNT_INDICATORS.has(INDICATOR_IDS[indicator] as IndicatorId) && isSmallCount(values, COUNT_LIMIT)
            ? describeCounts(values, this.histogram)
            : orderStatistics.describeLoaded(values, keys)
    this.previousStats[indicator] = stats
    this.addStatistics(indicator, month, stats)
    if (isRepresentativeColumn(indicator, month, this.model.horizon)) {
      this.representative =
        weights === undefined ? closestRun(values, stats.p50) : closestWeightedRun(values, weights, stats.p50)
    }
  }

  private allocateColumns(): Float32OrderStatistics {
    this.keys = INDICATOR_IDS.map(() => new Uint32Array(this.model.runs))
    this.orderStatistics = new Float32OrderStatistics(this.model.runs)
    return this.orderStatistics
  }

  /** Adds one indicator's statistics at one month (months in order), computed elsewhere (the block path). */
  addStatistics(indicator: number, month: number, stats: RunStatistics): void {
    const { p10, p50, p90, mean } = stats
    this.rows[indicator]?.push({
      month,
      p10: roundStatistic(p10),
      p50: roundStatistic(p50),
      p90: roundStatistic(p90),
      mean: roundStatistic(mean),
    })
  }

  /** Sets the representative run (the block path finds it from the column `isRepresentativeColumn` names). */
  setRepresentative(run: number): void {
    this.representative = run
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

/** Indicators that count things: their quantiles come from a histogram when values are small. */
export const COUNT_INDICATORS: ReadonlySet<IndicatorId> = new Set([
  "sanctions.packages_adopted",
  "defense.consultations_held",
  "commitments.implemented",
])
/** Counts below this (integers from 0) are described by a histogram (`describeCounts`). */
export const COUNT_LIMIT = 1024

/** Whether the representative run is the one closest to this column's p50: the headline indicator at the horizon. */
export const isRepresentativeColumn = (indicator: number, month: number, horizon: number): boolean =>
  month === horizon && INDICATOR_IDS[indicator] === HEADLINE_INDICATOR
