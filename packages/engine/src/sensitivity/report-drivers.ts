import type { Pack, ScenarioSpec } from "@accord/domain"
import { HEADLINE_INDICATOR, SECTOR_INDICATOR } from "../indicator-formulas.js"
import { roundStatistic } from "../run-statistics.js"
import { meanOf, sampleIndicators } from "./indicator-sample.js"
import { settingsOf } from "./tornado.js"

/** The indicators a report lists drivers for: money delivered, energy restored, sanctions pressure. */
export const DRIVER_INDICATORS = [
  HEADLINE_INDICATOR,
  SECTOR_INDICATOR.energy,
  "sanctions.pressure_index",
] as const

/** Runs per setting of the drivers' small tornado: enough to rank the big swings, cheap enough for every handout. */
export const DRIVER_RUNS = 50

export interface IndicatorDrivers {
  readonly indicator: string
  readonly label: string
  readonly drivers: ReadonlyArray<{ readonly id: string; readonly label: string; readonly swing: number }>
}

/**
 * The three inputs that swing each headline indicator (at the horizon) the most: a one-at-a-time tornado
 * at `DRIVER_RUNS` runs per setting, every indicator from the same runs. Deterministic; not part of the
 * report's JSON (nor its hash): handouts print it.
 */
export const reportDrivers = (
  pack: Pack,
  spec: ScenarioSpec,
  runs = DRIVER_RUNS,
): Array<IndicatorDrivers> => {
  const indicators = DRIVER_INDICATORS.filter((id) => pack.indicators.some((i) => i.id === id))
  const base = { ...spec, runs }
  const { settings } = settingsOf(pack, base)
  const at = (s: Pick<(typeof settings)[number], "at">, value: number) =>
    sampleIndicators(
      pack,
      { ...s.at(value), indicator: "", month: spec.horizonMonths, fromRun: 0, toRun: runs },
      indicators,
    )
  const swings = settings.map((s) => {
    const [low, high] = [at(s, s.low), at(s, s.high)]
    return indicators.map((_, k) =>
      Math.abs(meanOf(high[k] as Float64Array) - meanOf(low[k] as Float64Array)),
    )
  })
  return indicators.map((indicator, k) => ({
    indicator,
    label: pack.indicators.find((i) => i.id === indicator)?.label ?? indicator,
    drivers: settings
      .map((s, n) => ({ id: s.id, label: s.label, swing: roundStatistic(swings[n]?.[k] ?? 0) }))
      .filter((d) => d.swing > 0)
      .sort((a, b) => b.swing - a.swing || (a.id < b.id ? -1 : 1))
      .slice(0, 3),
  }))
}
