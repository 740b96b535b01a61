import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { testCatalog } from "../test/test-catalog.js"
import { decodeScenarioSpec } from "./scenario-spec.js"

const valid = {
  pack: "test-pack",
  name: "Extra sanctions in Q2",
  horizonMonths: 24,
  runs: 1000,
  seed: 42,
  interventions: [
    { type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8 },
    { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" },
    { type: "delay", commitment: "energy-projects", months: 6 },
    { type: "withdraw", commitment: "defense-consultations", month: 9 },
  ],
  assumptions: { "energy.cost-per-mw": 1.5 },
}

/** Decodes and returns the paths of the problems (the spec must be refused). */
const pathsOf = (input: unknown): ReadonlyArray<string> => {
  const result = decodeScenarioSpec(input, testCatalog)
  if (Either.isRight(result)) throw new Error("expected the spec to be refused")
  expect(result.left._tag).toBe("InvalidInput")
  for (const issue of result.left.issues) expect(issue.message.length).toBeGreaterThan(0)
  return result.left.issues.map((issue) => issue.path)
}

const withIntervention = (intervention: unknown) => ({ ...valid, interventions: [intervention] })

describe("decodeScenarioSpec", () => {
  it("accepts the contract's example and fills defaults", () => {
    expect(Either.getOrThrow(decodeScenarioSpec(valid, testCatalog)).interventions).toHaveLength(4)
    expect(Either.getOrThrow(decodeScenarioSpec({ pack: "test-pack" }, testCatalog))).toEqual({
      pack: "test-pack",
      horizonMonths: 24,
      runs: 1000,
      seed: 1,
      interventions: [],
    })
  })

  it("rejects unknown fields, at the top and inside an intervention", () => {
    expect(pathsOf({ ...valid, colour: "red" })).toEqual(["colour"])
    expect(
      pathsOf(withIntervention({ type: "withdraw", commitment: "energy-projects", month: 1, why: "x" })),
    ).toEqual(["interventions.0.why"])
  })

  it("rejects an unknown intervention type", () => {
    expect(pathsOf(withIntervention({ type: "embargo", month: 1 }))).toEqual(["interventions.0.type"])
  })

  it("rejects an unknown commitment id", () => {
    expect(pathsOf(withIntervention({ type: "delay", commitment: "moon-base", months: 2 }))).toEqual([
      "interventions.0.commitment",
    ])
  })

  it("rejects a month past the horizon", () => {
    expect(
      pathsOf({
        ...withIntervention({ type: "withdraw", commitment: "energy-projects", month: 13 }),
        horizonMonths: 12,
      }),
    ).toEqual(["interventions.0.month"])
    expect(
      pathsOf({
        ...withIntervention({ type: "delay", commitment: "energy-projects", months: 1, month: 30 }),
      }),
    ).toEqual(["interventions.0.month"])
  })

  it("decodes packages that enter agreed, a full delivery and a stall, and refuses their bad values by path", () => {
    const decided = [
      { type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8, initialState: "agreed" },
      {
        type: "aid-package",
        month: 6,
        sector: "energy",
        amountUsdM: 500,
        form: "grant",
        initialState: "agreed",
        implementedAtMonth: 9,
      },
      { type: "stall", commitment: "defense-consultations", month: 4, label: "Scandal" },
    ]
    expect(
      Either.getOrThrow(decodeScenarioSpec({ ...valid, interventions: decided }, testCatalog)).interventions,
    ).toEqual(decided)
    const aid = decided[1] as Record<string, unknown>
    expect(pathsOf(withIntervention({ ...aid, initialState: "implemented" }))).toEqual([
      "interventions.0.initialState",
    ])
    expect(pathsOf(withIntervention({ ...aid, implementedAtMonth: 5 }))).toEqual([
      "interventions.0.implementedAtMonth",
    ])
    expect(pathsOf({ ...withIntervention({ ...aid, implementedAtMonth: 20 }), horizonMonths: 12 })).toEqual([
      "interventions.0.implementedAtMonth",
    ])
    expect(pathsOf(withIntervention({ type: "stall", commitment: "moon-base", month: 2 }))).toEqual([
      "interventions.0.commitment",
    ])
  })

  it("rejects negative and zero amounts", () => {
    const aid = { type: "aid-package", month: 1, sector: "health", form: "loan" }
    expect(pathsOf(withIntervention({ ...aid, amountUsdM: -5 }))).toEqual(["interventions.0.amountUsdM"])
    expect(pathsOf(withIntervention({ ...aid, amountUsdM: 0 }))).toEqual(["interventions.0.amountUsdM"])
  })

  it("rejects out-of-range numbers, every one of them at once, without clamping", () => {
    expect(
      pathsOf({ ...valid, horizonMonths: 121, runs: 0, seed: -1 })
        .slice()
        .sort(),
    ).toEqual(["horizonMonths", "runs", "seed"])
    expect(pathsOf({ ...valid, seed: 2 ** 32 })).toEqual(["seed"])
    expect(pathsOf({ ...valid, horizonMonths: 2.5 })).toEqual(["horizonMonths"])
    expect(
      pathsOf(withIntervention({ type: "sanctions-package", month: 1, coverage: 1.5, enforcement: -0.1 })),
    ).toEqual(["interventions.0.coverage", "interventions.0.enforcement"])
    expect(pathsOf(withIntervention({ type: "delay", commitment: "energy-projects", months: 0 }))).toEqual([
      "interventions.0.months",
    ])
  })

  it("rejects an unknown pack, an unknown assumption and an override outside its range", () => {
    expect(pathsOf({ ...valid, pack: "other-pack" })).toEqual(["pack"])
    expect(pathsOf({ ...valid, assumptions: { "no.such": 1 } })).toEqual(["assumptions.no.such"])
    expect(pathsOf({ ...valid, assumptions: { "hazard.agree": 2 } })).toEqual(["assumptions.hazard.agree"])
    expect(
      pathsOf({ ...valid, assumptions: { "hazard.agree": { low: 0.5, mode: 0.2, high: 0.9 } } }),
    ).toEqual(["assumptions.hazard.agree"])
  })

  it("decodes a sanctions-evasion intervention, with or without a label", () => {
    const evasion = { type: "sanctions-evasion", month: 4, evasionPerMonth: 0.008, label: "Shadow fleet" }
    expect(
      Either.getOrThrow(decodeScenarioSpec(withIntervention(evasion), testCatalog)).interventions,
    ).toEqual([evasion])
    const unlabelled = { type: "sanctions-evasion", month: 0, evasionPerMonth: 0.1 }
    expect(
      Either.getOrThrow(decodeScenarioSpec(withIntervention(unlabelled), testCatalog)).interventions,
    ).toEqual([unlabelled])
  })

  it("rejects a sanctions-evasion rate outside (0, 0.1], a missing rate, extra fields and a month past the horizon", () => {
    const evasion = { type: "sanctions-evasion", month: 2 }
    for (const evasionPerMonth of [0, -0.01, 0.1000001, 1, Number.NaN, "0.01"]) {
      expect(pathsOf(withIntervention({ ...evasion, evasionPerMonth }))).toEqual([
        "interventions.0.evasionPerMonth",
      ])
    }
    expect(pathsOf(withIntervention(evasion))).toEqual(["interventions.0.evasionPerMonth"])
    expect(
      pathsOf(withIntervention({ ...evasion, evasionPerMonth: 0.01, commitment: "energy-projects" })),
    ).toEqual(["interventions.0.commitment"])
    expect(
      pathsOf({ ...withIntervention({ ...evasion, month: 13, evasionPerMonth: 0.01 }), horizonMonths: 12 }),
    ).toEqual(["interventions.0.month"])
  })

  it("rejects input that is not an object", () => {
    expect(pathsOf("pack: test-pack")).toEqual([""])
    expect(pathsOf({})).toEqual(["pack"])
  })
})
