import { describe, expect, it } from "vitest"
import { baselineOf, decodeSpec, defaultSpec, encodeSpec } from "./spec-codec.js"

describe("spec codec", () => {
  const spec = {
    ...defaultSpec("sybiha-visit-2025"),
    name: "Санкції — 制裁 in Q2",
    seed: 4_294_967_295,
    interventions: [
      { type: "sanctions-package" as const, month: 3, coverage: 0.3, enforcement: 0.8 },
      {
        type: "aid-package" as const,
        month: 6,
        sector: "energy" as const,
        amountUsdM: 500,
        form: "grant" as const,
      },
    ],
  }

  it("round-trips a spec through a URL-safe string, names in any script included", () => {
    const encoded = encodeSpec(spec)
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeSpec(encoded)).toEqual(spec)
  })

  it("gives equal strings for equal specs, so one scenario has one share link", () => {
    expect(encodeSpec(structuredClone(spec))).toBe(encodeSpec(spec))
  })

  it("fills the contract's defaults for a spec that names only its pack", () => {
    const encoded = encodeSpec({ pack: "sybiha-visit-2025" } as never)
    expect(decodeSpec(encoded)).toEqual(defaultSpec("sybiha-visit-2025"))
  })

  it("returns nothing for text that is not an encoded spec", () => {
    expect(decodeSpec("not base64 !")).toBeUndefined()
    expect(decodeSpec(encodeSpec([] as never))).toBeUndefined()
  })

  it("keeps pack, horizon, runs, seed and assumptions in the baseline and drops the interventions", () => {
    const withAssumptions = { ...spec, assumptions: { "energy.cost-per-mw": 2 } }
    const baseline = baselineOf(withAssumptions)
    expect(baseline).toEqual({
      pack: spec.pack,
      horizonMonths: 24,
      runs: 1000,
      seed: spec.seed,
      interventions: [],
      assumptions: { "energy.cost-per-mw": 2 },
    })
  })
})
