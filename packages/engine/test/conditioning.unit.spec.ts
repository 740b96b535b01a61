import {
  decodeScenarioSpec,
  getPack,
  type Observation,
  observationSeedOf,
  packCatalog,
  type ScenarioSpecInput,
} from "@accord/domain"
import { fc, test } from "@fast-check/vitest"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { INDICATOR_IDS } from "../src/indicator-formulas.js"
import { describeRuns, roundStatistic } from "../src/run-statistics.js"
import { simulate } from "../src/simulate.js"
import { assembleReport, simulateChunk, splitRuns } from "../src/simulation-chunk.js"
import { describeWeightedRuns, weightedStatisticsInOrder } from "../src/weighted-statistics.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("pack missing")
const specOf = (input: Partial<ScenarioSpecInput>) =>
  Either.getOrThrow(decodeScenarioSpec({ pack: pack.id, runs: 1000, seed: 7, ...input }, packCatalog))

describe("weighted quantiles", () => {
  const values = Float32Array.from({ length: 101 }, (_, i) => ((i * 37) % 101) / 3)
  it("are R type 7 when every weight is equal", () => {
    expect(describeWeightedRuns(values, new Float64Array(101).fill(0.25))).toEqual(describeRuns(values))
  })
  it("are R type 7 over the runs of weight 1 when weights are 0 or 1", () => {
    const weights = Float64Array.from(values, (v) => (v > 10 ? 1 : 0))
    const kept = values.filter((v) => v > 10)
    expect(describeWeightedRuns(values, weights)).toEqual(describeRuns(kept))
  })
})

describe("weighted quantiles by one native sort of packed keys", () => {
  const float = fc.oneof(
    fc.constantFrom(0, -0, 1, 2.5, -3, 1e-30),
    fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  )
  const weight = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true }))
  test.prop([fc.array(fc.tuple(float, weight), { minLength: 1, maxLength: 2000 })])(
    "give exactly the statistics of the walk over runs ordered by a comparator (value, then run)",
    (pairs) => {
      const values = Float32Array.from(pairs, ([v]) => v)
      const weights = Float64Array.from(pairs, ([, w]) => w)
      const kept = Array.from(values.keys()).filter((r) => (weights[r] as number) > 0)
      const total = kept.reduce((sum, r) => sum + (weights[r] as number), 0)
      const weightedSum = kept.reduce((sum, r) => sum + (weights[r] as number) * (values[r] as number), 0)
      const order = [...kept].sort((a, b) => (values[a] as number) - (values[b] as number) || a - b)
      const expected =
        kept.length === 0
          ? { p10: 0, p50: 0, p90: 0, mean: 0 }
          : weightedStatisticsInOrder(values, weights, order, total, weightedSum)
      expect(describeWeightedRuns(values, weights)).toEqual(expected)
    },
  )
})

describe("projections conditioned on observations", () => {
  // In this spec about half the runs hold no defense consultation by October 2025 (month 2).
  const none: Observation = {
    id: "no-consultation-by-october",
    date: "2025-10-15",
    about: { indicator: "defense.consultations_held" },
    value: 0,
    source: "https://example.org/none",
    confidence: "H",
  }
  const month = 2

  it("weights runs by agreement: effective runs and quantiles are those of the runs that agree", () => {
    const spec = specOf({ asOf: "2025-10-31" })
    const plain = simulateChunk(pack, specOf({}), 0, 1000)
    const R = 1000
    const M = plain.months
    const column = (id: string, m: number) => {
      const ind = INDICATOR_IDS.indexOf(id as (typeof INDICATOR_IDS)[number])
      return plain.values.subarray((ind * M + m) * R, (ind * M + m + 1) * R)
    }
    const agree = column("defense.consultations_held", month).map((v) => (v === 0 ? 1 : 0))
    const agreeing = agree.reduce((a, b) => a + b, 0)
    expect(agreeing).toBeGreaterThan(300)
    expect(agreeing).toBeLessThan(700)
    const report = simulate(pack, spec, [none])
    expect(report.conditioning?.effectiveRuns).toBeCloseTo(agreeing, 0)
    const disbursed = column("funds.disbursed_usd_m", 24).filter((_, r) => agree[r] === 1)
    const expected = describeRuns(disbursed)
    const row = report.indicators.find((i) => i.id === "funds.disbursed_usd_m")?.series[24]
    expect(row).toEqual({
      month: 24,
      p10: roundStatistic(expected.p10),
      p50: roundStatistic(expected.p50),
      p90: roundStatistic(expected.p90),
      mean: roundStatistic(expected.mean),
    })
    expect(report.warnings).toBeUndefined()
  })

  it("gives the same bytes in one thread and in any chunking", () => {
    const observations = observationSeedOf(pack.id)?.observations ?? []
    const spec = specOf({ asOf: "2026-02-28", runs: 600 })
    const whole = simulate(pack, spec, observations)
    for (const parts of [2, 3, 7]) {
      const chunks = splitRuns(600, parts).map(([from, to]) =>
        simulateChunk(pack, spec, from, to, observations),
      )
      expect(assembleReport(pack, spec, chunks.reverse(), observations)).toEqual(whole)
    }
  })

  it("uses only observations dated on or before asOf, and says which it cannot compare with", () => {
    const late = { ...none, id: "late", date: "2026-01-10" }
    const unknown = { ...none, id: "unknown", about: { indicator: "nothing.like_this" } }
    const report = simulate(pack, specOf({ asOf: "2025-12-31" }), [none, late, unknown])
    expect(report.conditioning?.observations.map((o) => o.id)).toEqual([none.id])
    expect(report.conditioning?.ignored).toEqual([
      { id: "unknown", reason: "the model has no indicator 'nothing.like_this'" },
    ])
  })

  it("warns when fewer than 10 % of runs effectively agree", () => {
    // Funds disbursed a year after the visit differ from run to run (random tranches), all far above 1 USD m:
    // an H source saying 1 leaves (almost) only the run closest to it.
    const spec = specOf({ asOf: "2026-08-31", runs: 200 })
    const exact: Observation = {
      ...none,
      date: "2026-08-20",
      about: { indicator: "funds.disbursed_usd_m" },
      value: 1,
    }
    const report = simulate(pack, spec, [exact])
    expect(report.conditioning?.effectiveRuns).toBeLessThan(20)
    expect(report.warnings?.[0]).toMatch(/effective sample size below 10 %/)
  })

  it("without asOf, ignores observations: the visit-time report", () => {
    expect(simulate(pack, specOf({}), [none])).toEqual(simulate(pack, specOf({})))
  })
})
