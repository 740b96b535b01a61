import type { Pack, ScenarioSpec, ValidationIssue } from "@accord/domain"
import { reportHash } from "./canonical-json.js"
import { compileModel } from "./compiled-model.js"
import { ComparisonMismatch } from "./engine-errors.js"
import { INDICATOR_COUNT, INDICATOR_IDS } from "./indicator-formulas.js"
import { modelInfo } from "./model-version.js"
import type { Comparison, DeltaRow } from "./report.js"
import { describeRuns, quantileOfSorted, roundShare, roundStatistic } from "./run-statistics.js"
import { TrajectoryKernel } from "./trajectory-kernel.js"

/**
 * Why two specs cannot be compared run by run: common random numbers pair run i
 * of one with run i of the other, so pack, runs, seed and horizon must agree
 * (interventions and assumptions may differ: that is what is compared).
 */
export const comparabilityIssues = (
  baseline: ScenarioSpec,
  variant: ScenarioSpec,
): ReadonlyArray<ValidationIssue> => [
  ...(["pack", "runs", "seed", "horizonMonths"] as const).flatMap((field) =>
    baseline[field] === variant[field]
      ? []
      : [
          {
            path: `variant.${field}`,
            message: `must equal the baseline's ${field} (${baseline[field]}), got ${variant[field]}`,
          },
        ],
  ),
  // Paired deltas are over unweighted runs: a comparison is never conditioned on observations.
  ...(["baseline", "variant"] as const).flatMap((which) =>
    (which === "baseline" ? baseline : variant).asOf === undefined
      ? []
      : [{ path: `${which}.asOf`, message: "comparisons are not conditioned on observations: remove asOf" }],
  ),
]

/**
 * Compares two specs under common random numbers: per indicator and month the
 * baseline and variant medians and the paired delta's (variant − baseline)
 * p10/p50/p90, mean and share of runs where the variant is higher.
 * Throws ComparisonMismatch (paths like `variant.seed`) when runs cannot be paired.
 */
export const compare = (pack: Pack, baseline: ScenarioSpec, variant: ScenarioSpec): Comparison => {
  const issues = comparabilityIssues(baseline, variant)
  if (issues.length > 0) {
    throw new ComparisonMismatch({ message: "baseline and variant cannot be paired run by run", issues })
  }
  const mb = compileModel(pack, baseline)
  const mv = compileModel(pack, variant)
  const R = mb.runs
  const kb = new TrajectoryKernel(mb, 0, R)
  const kv = new TrajectoryKernel(mv, 0, R)
  const b = new Float32Array(R)
  const v = new Float32Array(R)
  const delta = new Float64Array(R)
  const rows: Array<Array<DeltaRow>> = INDICATOR_IDS.map(() => [])
  for (let m = 0; m < mb.months; m++) {
    kb.advance()
    kv.advance()
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      b.set(kb.values.subarray(ind * R, (ind + 1) * R))
      v.set(kv.values.subarray(ind * R, (ind + 1) * R))
      let higher = 0
      for (let r = 0; r < R; r++) {
        delta[r] = (v[r] as number) - (b[r] as number)
        if ((delta[r] as number) > 0) higher++
      }
      const d = describeRuns(delta)
      rows[ind]?.push({
        month: m,
        baselineP50: roundStatistic(quantileOfSorted(b.slice().sort(), 0.5)),
        variantP50: roundStatistic(quantileOfSorted(v.slice().sort(), 0.5)),
        deltaP10: roundStatistic(d.p10),
        deltaP50: roundStatistic(d.p50),
        deltaP90: roundStatistic(d.p90),
        deltaMean: roundStatistic(d.mean),
        shareVariantHigher: roundShare(higher / R),
      })
    }
  }
  const indicators = pack.indicators.map((definition) => {
    const series = rows[INDICATOR_IDS.indexOf(definition.id as (typeof INDICATOR_IDS)[number])] ?? []
    return {
      id: definition.id,
      label: definition.label,
      unit: definition.unit,
      atHorizon: series[series.length - 1] as DeltaRow,
      series,
    }
  })
  const body = {
    pack: pack.id as string,
    seed: mb.seed,
    runs: R,
    horizonMonths: mb.horizon,
    baseline,
    variant,
    indicators,
    model: { ...modelInfo },
  }
  return { hash: reportHash(body), ...body }
}
