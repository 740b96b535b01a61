import { decodeScenarioSpec, getPack, type Pack, packCatalog, type ScenarioSpecInput } from "@accord/domain"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import { canonicalJson } from "../src/canonical-json.js"
import {
  goalIssues,
  goalSeek,
  indicatorIssues,
  localSampler,
  renderReport,
  renderSensitivity,
  reportDrivers,
  type Sampler,
  sampleIndicator,
  simulate,
  sobol,
  tornado,
} from "../src/index.js"
import { triangular as triangularQuantile } from "../src/random-stream.js"

const base = getPack("sybiha-visit-2025") as Pack
const AMOUNT = "synthetic.amount-usd-m"

/**
 * A pack whose pledged funds are one parameter and nothing else: one proposed aid commitment whose amount
 * is `synthetic.amount-usd-m` (100 / 200 / 400). Every other parameter keeps its range and matters to nothing
 * pledged, and chance does not touch what is pledged.
 */
const synthetic: Pack = {
  ...base,
  id: "synthetic" as Pack["id"],
  commitments: [
    {
      ...(base.commitments.find((c) => c.amount !== undefined) as Pack["commitments"][number]),
      id: "only" as Pack["commitments"][number]["id"],
      kind: "financial-aid",
      sector: "health",
      initialState: "proposed",
      amount: { parameter: AMOUNT as Pack["parameters"][number]["id"] },
    },
  ],
  parameters: [
    ...base.parameters,
    {
      ...base.parameters[0],
      id: AMOUNT as Pack["parameters"][number]["id"],
      label: "Synthetic amount",
      low: 100,
      mode: 200,
      high: 400,
      min: 0,
      max: 1000,
    },
  ],
}

const syntheticCatalog = {
  packIds: [synthetic.id],
  commitmentIds: () => synthetic.commitments.map((c) => c.id),
  parameterRange: (_: string, id: string) => synthetic.parameters.find((p) => p.id === id),
  parameterIds: () => synthetic.parameters.map((p) => p.id),
}

const specOf = (input: Omit<ScenarioSpecInput, "pack">, pack: Pack = synthetic) =>
  Either.getOrThrow(
    decodeScenarioSpec({ pack: pack.id, ...input }, pack === synthetic ? syntheticCatalog : packCatalog),
  )

const run = <A>(effect: Effect.Effect<A>) => Effect.runSync(effect)
const aid = (amountUsdM: number, month = 0) =>
  ({ type: "aid-package", month, sector: "health", amountUsdM, form: "grant" }) as const

describe("tornado", () => {
  it("swings only the one parameter the indicator depends on, by exactly its range", () => {
    const spec = specOf({ runs: 200, horizonMonths: 6 })
    const result = run(
      tornado(synthetic, spec, { indicator: "funds.pledged_usd_m" }, localSampler(synthetic)),
    )
    const [first, ...rest] = result.bars
    expect(first).toMatchObject({ id: AMOUNT, low: 100, high: 400, swing: 300 })
    expect(first?.atLow).toEqual({ p50: 100, mean: 100 })
    expect(first?.atHigh).toEqual({ p50: 400, mean: 400 })
    expect(rest.every((bar) => bar.swing === 0)).toBe(true)
  })

  it("moves each lever of the spec ±25 % under common random numbers", () => {
    const spec = specOf({
      runs: 100,
      horizonMonths: 6,
      assumptions: { [AMOUNT]: 200 },
      interventions: [aid(80, 2)],
    })
    const result = run(
      tornado(synthetic, spec, { indicator: "funds.pledged_usd_m" }, localSampler(synthetic)),
    )
    const lever = result.bars.find((bar) => bar.id === "0.amountUsdM")
    expect(lever).toMatchObject({ kind: "lever", low: 60, high: 100, swing: 40 })
    expect(result.bars.find((bar) => bar.id === "0.month")).toMatchObject({ low: 2, high: 3 })
    expect(result.pinned).toContain(AMOUNT)
  })

  it("gives the same bytes twice", () => {
    const spec = specOf({ runs: 100, horizonMonths: 12 }, base)
    const once = () =>
      canonicalJson(run(tornado(base, spec, { indicator: "funds.disbursed_usd_m" }, localSampler(base))))
    expect(once()).toBe(once())
  })
})

/** Splits each task's runs into three (rows of a parameter matrix with them), as a worker pool would. */
const chunkedSampler =
  (pack: Pack): Sampler =>
  (tasks) =>
    Effect.sync(() =>
      tasks.map((task) => {
        const runs = task.toRun - task.fromRun
        const P = pack.parameters.length
        const cuts = [0, Math.floor(runs / 3), Math.floor((2 * runs) / 3), runs]
        const out = new Float64Array(runs)
        for (let i = 0; i < 3; i++) {
          const [from, to] = [cuts[i] as number, cuts[i + 1] as number]
          if (from === to) continue
          const part = sampleIndicator(pack, {
            ...task,
            fromRun: task.fromRun + from,
            toRun: task.fromRun + to,
            ...(task.parameters === undefined ? {} : { parameters: task.parameters.slice(from * P, to * P) }),
          })
          out.set(part, from)
        }
        return out
      }),
    )

describe("sobol", () => {
  it("gives the one parameter the indicator depends on a total index ≈ 1, and ≈ 0 to the rest and to chance", () => {
    const spec = specOf({ horizonMonths: 6 })
    const result = run(
      sobol(
        synthetic,
        spec,
        { indicator: "funds.pledged_usd_m", samples: 2048, resamples: 100 },
        localSampler(synthetic),
      ),
    )
    const [first, ...rest] = result.indices
    expect(first?.id).toBe(AMOUNT)
    // Sampling error of the estimators at N = 2048 is a few hundredths.
    expect(Math.abs((first?.total as number) - 1)).toBeLessThan(0.1)
    expect(Math.abs((first?.firstOrder as number) - 1)).toBeLessThan(0.1)
    expect(first?.totalInterval[0]).toBeLessThanOrEqual(first?.total as number)
    expect(first?.totalInterval[1]).toBeGreaterThanOrEqual(first?.total as number)
    for (const other of rest) expect(Math.abs(other.total)).toBeLessThan(0.01)
    expect(rest.some((x) => x.kind === "chance")).toBe(true)
    expect(Math.abs(result.firstOrderSum - 1)).toBeLessThan(0.1)
    expect(result.evaluations).toBe(2048 * (synthetic.parameters.length + 3 - result.pinned.length))
  })

  it("finds chance when the indicator depends on the runs' events", () => {
    const spec = specOf({ horizonMonths: 12 }, base)
    const result = run(
      sobol(
        base,
        spec,
        { indicator: "funds.disbursed_usd_m", samples: 256, resamples: 50 },
        localSampler(base),
      ),
    )
    const chance = result.indices.find((x) => x.kind === "chance")
    expect(chance?.total).toBeGreaterThan(0.1)
    expect(result.firstOrderSum).toBeLessThan(1)
  })

  it("gives the same bytes however its runs are split", () => {
    const spec = specOf({ horizonMonths: 8 }, base)
    const options = { indicator: "sanctions.pressure_index", samples: 64, resamples: 20 }
    const whole = canonicalJson(run(sobol(base, spec, options, localSampler(base))))
    expect(canonicalJson(run(sobol(base, spec, options, chunkedSampler(base))))).toBe(whole)
  })

  it("says so when the indicator does not vary", () => {
    const spec = specOf({ horizonMonths: 6 }, base)
    const result = run(
      sobol(base, spec, { indicator: "demining.area_cleared_km2", samples: 32 }, localSampler(base)),
    )
    expect(result.indices).toEqual([])
    expect(result.note).toMatch(/same in every run/)
  })

  it("gives finite intervals when few rows leave some bootstrap resamples without variance", () => {
    // The fuzz suite's counterexample: N = 16 rows at month 2, where most runs agree on the amount.
    const spec = specOf({ horizonMonths: 2, seed: 0, runs: 50 }, base)
    const result = run(
      sobol(base, spec, { indicator: "funds.agreed_usd_m", samples: 16 }, localSampler(base)),
    )
    for (const index of result.indices)
      for (const bound of [...index.firstOrderInterval, ...index.totalInterval])
        expect(Number.isFinite(bound), `${index.id}: ${bound}`).toBe(true)
    expect(() => canonicalJson(result)).not.toThrow()
  })
})

describe("goal seeking", () => {
  const goal = { lever: { intervention: 0, field: "amountUsdM" }, indicator: "funds.pledged_usd_m", month: 6 }

  it("finds the analytic amount when the indicator is linear in the lever", () => {
    const spec = specOf({
      runs: 200,
      horizonMonths: 12,
      assumptions: { [AMOUNT]: 200 },
      interventions: [aid(10)],
    })
    const result = run(
      goalSeek(synthetic, spec, { ...goal, target: 500, probability: 0.8 }, localSampler(synthetic)),
    )
    expect(result.reachable).toBe(true)
    // pledged = 200 + amount: the smallest amount is 300, to the lever's resolution (range ÷ 2^20 ≈ 0.1).
    expect(result.answer?.value).toBeGreaterThanOrEqual(300)
    expect(result.answer?.value).toBeLessThan(300.1)
    expect(result.answer?.probability).toBe(1)
    expect(result.evaluations.length).toBeLessThanOrEqual(22)
  })

  it("finds target − the (1 − probability) quantile of an uncertain addend", () => {
    const spec = specOf({ runs: 2000, horizonMonths: 12, interventions: [aid(10)] })
    const result = run(
      goalSeek(synthetic, spec, { ...goal, target: 500, probability: 0.8 }, localSampler(synthetic)),
    )
    // P(A + x ≥ 500) ≥ 0.8 with A ~ triangular(100, 200, 400) ⇔ x ≥ 500 − q₀.₂(A) ≈ 322.5
    const analytic = 500 - triangularQuantile(0.2, 100, 200, 400)
    expect(result.answer?.value).toBeGreaterThan(analytic - 8)
    expect(result.answer?.value).toBeLessThan(analytic + 8)
    expect(result.answer?.probability).toBeGreaterThanOrEqual(0.8)
  })

  it("finds the latest month, and says when a target is not reachable", () => {
    const spec = specOf({
      runs: 50,
      horizonMonths: 24,
      assumptions: { [AMOUNT]: 200 },
      interventions: [aid(100, 3)],
    })
    const byMonth = {
      ...goal,
      lever: { intervention: 0, field: "month" },
      month: 12,
      target: 300,
      probability: 1,
    }
    const latest = run(goalSeek(synthetic, spec, byMonth, localSampler(synthetic)))
    expect(latest).toMatchObject({
      seeking: "latest",
      reachable: true,
      answer: { value: 12, probability: 1 },
    })
    const never = run(goalSeek(synthetic, spec, { ...byMonth, target: 301 }, localSampler(synthetic)))
    expect(never.reachable).toBe(false)
    expect(never.best.probability).toBe(0)
    expect(never.message).toMatch(/^Not reachable/)
  })
})

describe("refusals", () => {
  const spec = specOf({ horizonMonths: 12, interventions: [aid(10)] })
  const goal = { lever: { intervention: 0, field: "amountUsdM" }, indicator: "funds.pledged_usd_m", month: 6 }
  const paths = (issues: ReadonlyArray<{ path: string }>) => issues.map((i) => i.path)

  it("names an unknown indicator and a month past the horizon", () => {
    expect(paths(indicatorIssues(synthetic, spec, "funds.nope", 13))).toEqual(["indicator", "month"])
  })

  it("says which indicator was meant and the month's range in words", () => {
    const [indicator, month] = indicatorIssues(synthetic, spec, "funds.disbursed_usd", 13)
    expect(indicator?.message).toMatch(
      /^unknown indicator: expected one of .*; got "funds.disbursed_usd" \(did you mean "funds.disbursed_usd_m"\?\)$/,
    )
    expect(month?.message).toMatch(
      /^a whole number of months between 0 and \d+ \(the spec's horizon\); got 13$/,
    )
  })

  it("names a lever that does not exist", () => {
    const at = (lever: { intervention: number; field: string }) =>
      paths(goalIssues(synthetic, spec, { ...goal, lever, target: 1, probability: 0.5 }))
    expect(at({ intervention: 3, field: "amountUsdM" })).toEqual(["lever.intervention"])
    expect(at({ intervention: 0, field: "sector" })).toEqual(["lever.field"])
  })

  it("names a target outside what the indicator can reach", () => {
    const at = (target: number, indicator = goal.indicator) =>
      paths(goalIssues(synthetic, spec, { ...goal, indicator, target, probability: 0.5 }))
    expect(at(-1)).toEqual(["target"])
    expect(at(400 + 100_000 + 1)).toEqual(["target"])
    expect(at(400 + 100_000)).toEqual([])
    expect(at(101, "sanctions.pressure_index")).toEqual(["target"])
  })
})

describe("renderings", () => {
  it("lists the drivers in Markdown, CSV and HTML (chart and table)", () => {
    const spec = specOf({ runs: 50, horizonMonths: 6 })
    const result = run(
      tornado(synthetic, spec, { indicator: "funds.pledged_usd_m" }, localSampler(synthetic)),
    )
    const markdown = renderSensitivity(result, "markdown")
    expect(markdown).toContain("| Synthetic amount | synthetic.amount-usd-m | 100 | 400 |")
    expect(renderSensitivity(result, "csv").split("\n")[1]).toMatch(
      /^parameter,synthetic\.amount-usd-m,100,400,100,400/,
    )
    const html = renderSensitivity(result, "html")
    expect(html).toContain('<svg class="tornado" role="img"')
    expect(html).toContain("<table>")
    expect(JSON.parse(renderSensitivity(result, "json"))).toEqual(JSON.parse(JSON.stringify(result)))
  })
})

describe("report drivers", () => {
  it("lists the three largest drivers of each headline indicator in handouts, not in the report's JSON", () => {
    const spec = specOf({ runs: 200, horizonMonths: 12 }, base)
    const drivers = reportDrivers(base, spec, 20)
    expect(drivers.map((d) => d.indicator)).toEqual([
      "funds.disbursed_usd_m",
      "energy.capacity_restored_mw",
      "sanctions.pressure_index",
    ])
    for (const d of drivers) {
      expect(d.drivers.length).toBeLessThanOrEqual(3)
      expect(d.drivers.map((x) => x.swing)).toEqual([...d.drivers.map((x) => x.swing)].sort((a, b) => b - a))
    }
    expect(drivers[0]?.drivers.length).toBe(3)
    expect(reportDrivers(base, spec, 20)).toEqual(drivers)
    const report = simulate(base, spec)
    const markdown = renderReport(report, "markdown", { drivers })
    expect(markdown).toContain("## Largest drivers")
    expect(renderReport(report, "html", { drivers })).toContain("<h2>Largest drivers</h2>")
    expect(renderReport(report, "markdown")).not.toContain("Largest drivers")
  })
})
