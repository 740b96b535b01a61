import type { Pack, ScenarioSpec } from "@accord/domain"
import { Effect } from "effect"
import { compileModel } from "../compiled-model.js"
import { modelInfo } from "../model-version.js"
import { roundStatistic } from "../run-statistics.js"
import { meanOf, medianOf, type Sampler, type SampleTask } from "./indicator-sample.js"
import { clampLever, leverName, leversOf, withLever } from "./levers.js"
import { indicatorSummary } from "./request-check.js"
import type { TornadoBar, TornadoResult } from "./sensitivity-result.js"

export interface TornadoOptions {
  readonly indicator: string
  /** Month of the indicator; the horizon by default. */
  readonly month?: number
  /** Runs per setting; the spec's runs by default. */
  readonly runs?: number
}

/** How far the spec's own levers move either way (within their admissible ranges). */
export const LEVER_SWING = 0.25

export interface Setting {
  readonly kind: "parameter" | "lever"
  readonly id: string
  readonly label: string
  readonly low: number
  readonly high: number
  readonly at: (value: number) => Pick<SampleTask, "spec" | "streams">
}

/** Every parameter with a range (after the spec's overrides), then every lever that can move. */
export const settingsOf = (pack: Pack, spec: ScenarioSpec) => {
  const model = compileModel(pack, spec)
  const settings: Array<Setting> = []
  const pinned: Array<string> = []
  pack.parameters.forEach((p, k) => {
    const low = model.low[k] as number
    const high = model.high[k] as number
    if (!(low < high)) {
      pinned.push(p.id)
      return
    }
    settings.push({
      kind: "parameter",
      id: p.id,
      label: p.label,
      low,
      high,
      // A number as override fixes the parameter in every run; the other parameters' streams are untouched.
      at: (value) => ({ spec: { ...spec, assumptions: { ...spec.assumptions, [p.id]: value } } }),
    })
  })
  for (const lever of leversOf(spec)) {
    const low = clampLever(lever, lever.value * (1 - LEVER_SWING))
    const high = clampLever(lever, lever.value * (1 + LEVER_SWING))
    if (!(low < high)) continue
    const intervention = spec.interventions[lever.intervention]
    const label = intervention !== undefined && "label" in intervention ? intervention.label : undefined
    settings.push({
      kind: "lever",
      id: leverName(lever),
      label: `Intervention ${lever.intervention + 1} (${label ?? intervention?.type}): ${lever.field}`,
      low,
      high,
      // The intervention keeps drawing from the stream the spec gives it: common random numbers.
      at: (value) => ({ spec: withLever(spec, lever, value), streams: spec }),
    })
  }
  return { settings, pinned }
}

const statsOf = (values: Float64Array) => ({
  p50: roundStatistic(medianOf(values)),
  mean: roundStatistic(meanOf(values)),
})

/**
 * One-at-a-time sensitivity: the indicator's p50 and mean with each parameter fixed at its low and at its
 * high (every other parameter drawn as usual, the same runs: common random numbers), and each lever of the
 * spec moved ±25 %; sorted by swing. The caller checks the indicator and month (`indicatorIssues`).
 */
export const tornado = <E>(
  pack: Pack,
  spec: ScenarioSpec,
  options: TornadoOptions,
  sampler: Sampler<E>,
): Effect.Effect<TornadoResult, E> =>
  Effect.gen(function* () {
    const month = options.month ?? spec.horizonMonths
    const runs = options.runs ?? spec.runs
    const base = { ...spec, runs }
    const { settings, pinned } = settingsOf(pack, base)
    const task = (at: Pick<SampleTask, "spec" | "streams">): SampleTask => ({
      ...at,
      indicator: options.indicator,
      month,
      fromRun: 0,
      toRun: runs,
    })
    const tasks = [task({ spec: base }), ...settings.flatMap((s) => [task(s.at(s.low)), task(s.at(s.high))])]
    const values = yield* sampler(tasks)
    const bars: Array<TornadoBar> = settings.map((s, n) => {
      const atLow = statsOf(values[1 + 2 * n] as Float64Array)
      const atHigh = statsOf(values[2 + 2 * n] as Float64Array)
      const swing = roundStatistic(Math.abs(atHigh.mean - atLow.mean))
      return { kind: s.kind, id: s.id, label: s.label, low: s.low, high: s.high, atLow, atHigh, swing }
    })
    // Largest swing first; ties by p50 swing, then by id, so the order never depends on the sort.
    bars.sort(
      (a, b) =>
        b.swing - a.swing ||
        Math.abs(b.atHigh.p50 - b.atLow.p50) - Math.abs(a.atHigh.p50 - a.atLow.p50) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    return {
      method: "tornado" as const,
      pack: pack.id,
      indicator: indicatorSummary(pack, options.indicator),
      month,
      seed: spec.seed,
      runsPerSetting: runs,
      baseline: statsOf(values[0] as Float64Array),
      bars,
      pinned,
      spec,
      model: { ...modelInfo },
    }
  })

/** Runs a tornado needs: (1 + 2 × settings) × runs per setting, for progress and work ceilings. */
export const tornadoRuns = (pack: Pack, spec: ScenarioSpec, runs = spec.runs): number =>
  (1 + 2 * settingsOf(pack, spec).settings.length) * runs
