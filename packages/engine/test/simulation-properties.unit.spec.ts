import { fc, test } from "@fast-check/vitest"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { canonicalJson } from "../src/canonical-json.js"
import { compare } from "../src/compare.js"
import { foldTrajectory } from "../src/indicator-fold.js"
import { INDICATOR_IDS, INDICATORS_THAT_MAY_FALL, SECTOR_INDICATOR } from "../src/indicator-formulas.js"
import { Report } from "../src/report.js"
import { simulate } from "../src/simulate.js"
import { assembleReport, simulateChunk, splitRuns } from "../src/simulation-chunk.js"
import { trajectory } from "../src/trajectory.js"
import {
  aidPackage,
  decodeSpec,
  gridStrike,
  pack,
  sanctionsEvasion,
  sanctionsPackage,
  scenarioSpec,
} from "./scenario-spec-arbitrary.js"

const STATS = ["p10", "p50", "p90", "mean"] as const
// The pressure index erodes, and net energy capacity falls with grid strikes: every other indicator is cumulative.
const CUMULATIVE = INDICATOR_IDS.filter(
  (id) => id !== "sanctions.pressure_index" && !INDICATORS_THAT_MAY_FALL.includes(id),
)
const series = (report: Report, id: string) => report.indicators.find((i) => i.id === id)?.series ?? []
const withIntervention = (spec: typeof scenarioSpec extends fc.Arbitrary<infer S> ? S : never, i: unknown) =>
  decodeSpec({ ...spec, interventions: [...spec.interventions, i] })

describe("simulation invariants on random valid specs", () => {
  test.prop([scenarioSpec], { numRuns: 40 })(
    "disbursed ≤ agreed ≤ pledged at every month and statistic",
    (spec) => {
      const report = simulate(pack, spec)
      const pledged = series(report, "funds.pledged_usd_m")
      const agreed = series(report, "funds.agreed_usd_m")
      const disbursed = series(report, "funds.disbursed_usd_m")
      expect(pledged).toHaveLength(spec.horizonMonths + 1)
      pledged.forEach((p, m) => {
        for (const s of STATS) {
          expect(disbursed[m]?.[s]).toBeLessThanOrEqual(agreed[m]?.[s] as number)
          expect(agreed[m]?.[s]).toBeLessThanOrEqual(p[s])
        }
      })
      // New money (made at or after the visit) is part of all money, run by run.
      const R = spec.runs
      const chunk = simulateChunk(pack, spec, 0, R)
      const at = (id: string, m: number, r: number) =>
        chunk.values[(INDICATOR_IDS.indexOf(id as never) * chunk.months + m) * R + r] as number
      for (let m = 0; m < chunk.months; m++) {
        for (let r = 0; r < R; r++) {
          expect(at("funds.new_pledged_usd_m", m, r)).toBeLessThanOrEqual(at("funds.pledged_usd_m", m, r))
          expect(at("funds.new_disbursed_usd_m", m, r)).toBeLessThanOrEqual(at("funds.disbursed_usd_m", m, r))
        }
      }
    },
  )

  test.prop(
    [
      scenarioSpec.map((spec) =>
        decodeSpec({ ...spec, interventions: spec.interventions.filter((i) => i.type !== "grid-strike") }),
      ),
    ],
    { numRuns: 25 },
  )("without grid strikes, net energy capacity never falls either", (spec) => {
    const rows = series(simulate(pack, spec), "energy.capacity_restored_mw")
    for (let m = 1; m < rows.length; m++)
      for (const s of STATS) expect(rows[m]?.[s]).toBeGreaterThanOrEqual(rows[m - 1]?.[s] as number)
  })

  test.prop([scenarioSpec.chain((spec) => fc.tuple(fc.constant(spec), gridStrike(spec.horizonMonths)))], {
    numRuns: 25,
  })(
    "a grid strike lowers every run's net energy capacity by its MW from its month on, and changes nothing else (CRN)",
    ([spec, strike]) => {
      const ENERGY = INDICATOR_IDS.indexOf("energy.capacity_restored_mw")
      const base = simulateChunk(pack, spec, 0, spec.runs)
      const variant = simulateChunk(pack, withIntervention(spec, strike), 0, spec.runs)
      const R = spec.runs
      for (let m = 0; m < base.months; m++) {
        for (let r = 0; r < R; r++) {
          const at = (ENERGY * base.months + m) * R + r
          const drop = (base.values[at] as number) - (variant.values[at] as number)
          // Values are float32: compare the drop with the strike at float32 precision of the larger value.
          const tolerance = 1e-6 * Math.max(1, Math.abs(base.values[at] as number), strike.mwDestroyed)
          expect(
            Math.abs(drop - (m < strike.month ? 0 : strike.mwDestroyed)),
            `run ${r} month ${m}`,
          ).toBeLessThan(tolerance * 4)
        }
      }
      for (const id of INDICATOR_IDS) {
        if (id === "energy.capacity_restored_mw") continue
        const ind = INDICATOR_IDS.indexOf(id)
        const slice = (c: typeof base) => c.values.subarray(ind * c.months * R, (ind + 1) * c.months * R)
        expect(Array.from(slice(variant)), id).toEqual(Array.from(slice(base)))
      }
    },
  )

  test.prop([scenarioSpec], { numRuns: 40 })("cumulative indicators never fall", (spec) => {
    const report = simulate(pack, spec)
    for (const id of CUMULATIVE) {
      const rows = series(report, id)
      expect(rows.length, id).toBe(spec.horizonMonths + 1)
      for (let m = 1; m < rows.length; m++) {
        for (const s of STATS)
          expect(rows[m]?.[s], `${id} ${s} month ${m}`).toBeGreaterThanOrEqual(rows[m - 1]?.[s] as number)
      }
    }
  })

  test.prop([scenarioSpec], { numRuns: 25 })("no interventions ⇒ exactly the baseline", (spec) => {
    const { interventions: _ignored, ...withoutField } = spec
    const baseline = simulate(pack, decodeSpec(withoutField))
    const empty = simulate(pack, decodeSpec({ ...spec, interventions: [] }))
    expect(canonicalJson(empty)).toBe(canonicalJson(baseline))
  })

  test.prop([scenarioSpec.chain((spec) => fc.tuple(fc.constant(spec), aidPackage(spec.horizonMonths)))], {
    numRuns: 40,
  })(
    "an added aid package never lowers its sector's indicator at any month or statistic (CRN)",
    ([spec, aid]) => {
      const base = simulate(pack, spec)
      const variant = simulate(pack, withIntervention(spec, aid))
      const id = SECTOR_INDICATOR[aid.sector]
      const b = series(base, id)
      const v = series(variant, id)
      b.forEach((row, m) => {
        for (const s of STATS) expect(v[m]?.[s], `${id} ${s} month ${m}`).toBeGreaterThanOrEqual(row[s])
      })
      const paired = compare(pack, spec, withIntervention(spec, aid)).indicators.find((i) => i.id === id)
      for (const row of paired?.series ?? []) expect(row.deltaP10).toBeGreaterThanOrEqual(0)
    },
  )

  test.prop(
    [scenarioSpec.chain((spec) => fc.tuple(fc.constant(spec), sanctionsPackage(spec.horizonMonths)))],
    {
      numRuns: 40,
    },
  )("a sanctions package never lowers the pressure index (CRN)", ([spec, sanctions]) => {
    const base = series(simulate(pack, spec), "sanctions.pressure_index")
    const variant = series(simulate(pack, withIntervention(spec, sanctions)), "sanctions.pressure_index")
    base.forEach((row, m) => {
      for (const s of STATS) expect(variant[m]?.[s]).toBeGreaterThanOrEqual(row[s])
    })
  })

  test.prop(
    [scenarioSpec.chain((spec) => fc.tuple(fc.constant(spec), sanctionsEvasion(spec.horizonMonths)))],
    { numRuns: 40 },
  )(
    "sanctions evasion never raises any run's pressure index, and leaves the months before it exactly as they were (CRN)",
    ([spec, evasion]) => {
      const PRESSURE = INDICATOR_IDS.indexOf("sanctions.pressure_index")
      const base = simulateChunk(pack, spec, 0, spec.runs)
      const variant = simulateChunk(pack, withIntervention(spec, evasion), 0, spec.runs)
      const R = spec.runs
      for (let m = 0; m < base.months; m++) {
        for (let r = 0; r < R; r++) {
          const at = (PRESSURE * base.months + m) * R + r
          const b = base.values[at] as number
          const v = variant.values[at] as number
          if (m < evasion.month) expect(v, `run ${r} month ${m}`).toBe(b)
          else expect(v, `run ${r} month ${m}`).toBeLessThanOrEqual(b)
        }
      }
      // Nothing else changes: evasion acts on sanctions pressure only.
      for (const id of INDICATOR_IDS) {
        if (id === "sanctions.pressure_index") continue
        const ind = INDICATOR_IDS.indexOf(id)
        const slice = (c: typeof base) => c.values.subarray(ind * c.months * R, (ind + 1) * c.months * R)
        expect(Array.from(slice(variant)), id).toEqual(Array.from(slice(base)))
      }
    },
  )

  test.prop(
    [scenarioSpec.chain((spec) => fc.tuple(fc.constant(spec), sanctionsEvasion(spec.horizonMonths)))],
    {
      numRuns: 15,
    },
  )(
    "a sanctions-evasion intervention shows in trajectory() at its month, acting on no commitment",
    ([spec, evasion]) => {
      const variant = withIntervention(spec, evasion)
      const applied = trajectory(pack, variant, 0).filter((e) => e._tag === "InterventionApplied")
      const own = applied.find((e) => e.index === variant.interventions.length - 1)
      expect(own).toEqual({
        _tag: "InterventionApplied",
        month: evasion.month,
        index: variant.interventions.length - 1,
        intervention: evasion,
      })
    },
  )

  test.prop([scenarioSpec], { numRuns: 25 })("compare(spec, spec) gives exactly zero deltas", (spec) => {
    const comparison = compare(pack, spec, spec)
    for (const indicator of comparison.indicators) {
      for (const row of indicator.series) {
        expect([row.deltaP10, row.deltaP50, row.deltaP90, row.deltaMean, row.shareVariantHigher]).toEqual([
          0, 0, 0, 0, 0,
        ])
        expect(row.variantP50).toBe(row.baselineP50)
      }
    }
  })

  test.prop([scenarioSpec, fc.integer({ min: 2, max: 6 })], { numRuns: 25 })(
    "1 chunk and N chunks (in any order) give byte-identical reports",
    (spec, parts) => {
      const whole = simulate(pack, spec)
      const chunks = splitRuns(spec.runs, parts).map(([from, to]) => simulateChunk(pack, spec, from, to))
      const assembled = assembleReport(pack, spec, chunks.reverse())
      expect(canonicalJson(assembled)).toBe(canonicalJson(whole))
      expect(assembled.hash).toBe(whole.hash)
    },
  )

  test.prop([scenarioSpec], { numRuns: 25 })(
    "the JSON report round-trips through the Report schema",
    (spec) => {
      const report = simulate(pack, spec)
      const decoded = Schema.decodeUnknownSync(Report)(JSON.parse(JSON.stringify(report)), {
        onExcessProperty: "error",
      })
      expect(canonicalJson(decoded)).toBe(canonicalJson(report))
    },
  )

  test.prop([scenarioSpec.chain((spec) => fc.tuple(fc.constant(spec), fc.nat({ max: spec.runs - 1 })))], {
    numRuns: 30,
  })(
    "indicators are folds over a run's events: the fold of trajectory(i) equals the hot loop's run i",
    ([spec, run]) => {
      const events = trajectory(pack, spec, run)
      const folded = foldTrajectory(pack, spec, events)
      const chunk = simulateChunk(pack, spec, run, run + 1)
      INDICATOR_IDS.forEach((id, ind) => {
        folded.forEach((values, m) => {
          const hot = chunk.values[ind * chunk.months + m] as number
          expect(Math.fround(values[id]), `${id} month ${m}`).toBeCloseTo(hot, Math.abs(hot) > 1000 ? 1 : 4)
        })
      })
    },
  )

  it("sanctions evasion from month 6 lowers the default scenario's pressure from then on, and only then", () => {
    const spec = decodeSpec({ pack: pack.id, runs: 200 })
    const base = series(simulate(pack, spec), "sanctions.pressure_index")
    const shadowFleet = { type: "sanctions-evasion", month: 6, evasionPerMonth: 0.008 }
    const variant = series(simulate(pack, withIntervention(spec, shadowFleet)), "sanctions.pressure_index")
    expect(variant.slice(0, 6)).toEqual(base.slice(0, 6))
    // Month 6 is the first month eroded at the higher rate.
    for (let m = 6; m < base.length; m++)
      expect(variant[m]?.p50, `month ${m}`).toBeLessThan(base[m]?.p50 as number)
  })
})
