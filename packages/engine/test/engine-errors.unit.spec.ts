import { describe, expect, it } from "vitest"
import { compare } from "../src/compare.js"
import {
  ComparisonMismatch,
  PackIncomplete,
  RunOutOfRange,
  SpecDoesNotFitPack,
} from "../src/engine-errors.js"
import { simulate } from "../src/simulate.js"
import { trajectory } from "../src/trajectory.js"
import { decodeSpec, pack } from "./scenario-spec-arbitrary.js"

const caught = (f: () => unknown): unknown => {
  try {
    f()
  } catch (e) {
    return e
  }
  throw new Error("expected a failure")
}

describe("engine errors are tagged data with paths", () => {
  const spec = decodeSpec({ pack: pack.id, runs: 10 })

  it("compare rejects specs whose runs cannot be paired, naming the variant's fields", () => {
    const error = caught(() => compare(pack, spec, { ...spec, seed: 2, runs: 20, horizonMonths: 12 }))
    expect(error).toBeInstanceOf(ComparisonMismatch)
    expect((error as ComparisonMismatch).issues.map((i) => i.path)).toEqual([
      "variant.runs",
      "variant.seed",
      "variant.horizonMonths",
    ])
  })

  it("compare accepts different interventions and assumptions: that is what it compares", () => {
    const variant = decodeSpec({ pack: pack.id, runs: 10, assumptions: { "energy.cost-per-mw-usd-m": 1 } })
    expect(compare(pack, spec, variant).indicators.length).toBe(pack.indicators.length)
  })

  it("simulate rejects a spec for another pack or naming unknown commitments", () => {
    const error = caught(() =>
      simulate(pack, {
        ...spec,
        pack: "other" as never,
        interventions: [{ type: "withdraw", commitment: "nope" as never, month: 1 }],
      }),
    )
    expect(error).toBeInstanceOf(SpecDoesNotFitPack)
    expect((error as SpecDoesNotFitPack).issues.map((i) => i.path)).toEqual([
      "pack",
      "interventions.0.commitment",
    ])
  })

  it("simulate rejects a pack that lacks a model parameter", () => {
    const broken = { ...pack, parameters: pack.parameters.filter((p) => p.id !== "energy.cost-per-mw-usd-m") }
    const error = caught(() => simulate(broken as unknown as typeof pack, spec))
    expect(error).toBeInstanceOf(PackIncomplete)
    expect((error as PackIncomplete).issues[0]?.message).toContain("energy.cost-per-mw-usd-m")
  })

  it("trajectory rejects a run index outside the spec's runs", () => {
    expect(caught(() => trajectory(pack, spec, 10))).toBeInstanceOf(RunOutOfRange)
  })
})
