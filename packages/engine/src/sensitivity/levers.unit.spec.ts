import { decodeScenarioSpec, getPack, type Pack, packCatalog } from "@accord/domain"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { compileModel } from "../compiled-model.js"
import { SpecDoesNotFitPack } from "../engine-errors.js"
import { clampLever, leverOf, withLever } from "./levers.js"

const pack = getPack("sybiha-visit-2025") as Pack
const spec = Either.getOrThrow(
  decodeScenarioSpec(
    {
      pack: pack.id,
      horizonMonths: 12,
      runs: 10,
      interventions: [
        {
          type: "aid-package",
          month: 4,
          sector: "energy",
          amountUsdM: 100,
          form: "grant",
          implementedAtMonth: 10,
        },
      ],
    },
    packCatalog,
  ),
)

describe("levers stay inside what the domain's cross-check admits", () => {
  it("bounds an aid package's month by its implementation month, and that by the month and the horizon", () => {
    expect(leverOf(spec, { intervention: 0, field: "month" })).toMatchObject({ min: 0, max: 10 })
    expect(leverOf(spec, { intervention: 0, field: "implementedAtMonth" })).toMatchObject({ min: 4, max: 12 })
  })

  it("moves every month lever to both ends and the engine compiles each spec", () => {
    for (const field of ["month", "implementedAtMonth"]) {
      const lever = leverOf(spec, { intervention: 0, field })
      if (lever === undefined) throw new Error(field)
      for (const value of [lever.min, lever.max, clampLever(lever, lever.value * 1.25)])
        expect(compileModel(pack, withLever(spec, lever, value)).months).toBe(13)
    }
  })

  it("the engine refuses what the domain refuses: an aid package implemented past the horizon", () => {
    expect(() =>
      compileModel(pack, withLever(spec, { intervention: 0, field: "implementedAtMonth" }, 13)),
    ).toThrow(SpecDoesNotFitPack)
  })
})
