import { describe, expect, it } from "vitest"
import type { Schemas } from "../api-client.js"
import { relativeSize, sortBySize } from "./delta-order.js"

type DeltaRow = Schemas["DeltaRow"]
type IndicatorComparison = Schemas["IndicatorComparison"]

const row = (baselineP50: number, variantP50: number): DeltaRow => {
  const d = variantP50 - baselineP50
  return {
    month: 24,
    baselineP50,
    variantP50,
    deltaP10: d,
    deltaP50: d,
    deltaP90: d,
    deltaMean: d,
    shareVariantHigher: d > 0 ? 1 : 0,
  }
}

const indicator = (id: string, baseline: number, variant: number): IndicatorComparison => ({
  id,
  label: id,
  unit: "u",
  atHorizon: row(baseline, variant),
  series: [row(baseline, variant)],
})

describe("ordering the changes at the horizon", () => {
  it("measures a change against the larger median, so units do not matter", () => {
    expect(relativeSize(indicator("a", 4000, 4500))).toBeCloseTo(500 / 4500)
    expect(relativeSize(indicator("b", 20, 40))).toBeCloseTo(0.5)
    expect(relativeSize(indicator("c", 0, 0))).toBe(0)
    expect(relativeSize(indicator("d", -10, 10))).toBe(2)
  })

  it("puts the largest relative change first and unchanged indicators last", () => {
    const sorted = sortBySize([
      indicator("unchanged", 7, 7),
      indicator("funds", 4000, 4500),
      indicator("pressure", 49, 78),
    ])
    expect(sorted.map((i) => i.id)).toEqual(["pressure", "funds", "unchanged"])
  })
})
