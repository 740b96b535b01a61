import { describe, expect, it } from "vitest"
import packJson from "../../../packages/domain/src/packs/sybiha-visit-2025.json" with { type: "json" }
import {
  countAxisIncrements,
  formatDelta,
  formatNumber,
  formatWithUnit,
  isCountUnit,
} from "./number-format.js"

describe("count format rule", () => {
  it("treats the pack's count units as counts and money, MW, km² and indexes as quantities", () => {
    const counts = packJson.indicators.filter((i) => isCountUnit(i.unit)).map((i) => i.id)
    expect(counts).toEqual([
      "sanctions.packages_adopted",
      "defense.consultations_held",
      "commitments.implemented",
      "health.facilities_supported",
      "smes.supported",
    ])
    for (const unit of ["USD m", "MW", "km²", "index 0–100 (illustrative)"])
      expect(isCountUnit(unit)).toBe(false)
    expect(isCountUnit(undefined)).toBe(false)
  })

  it("shows a count as a whole number, never 8.1 facilities", () => {
    expect(formatWithUnit(8.1, "facilities")).toBe("8 facilities")
    expect(formatWithUnit(10.6, "count")).toBe("11 count")
    expect(formatNumber(1234.4, "firms")).toBe("1,234")
    expect(formatNumber(-0.2, "count")).toBe("0")
    expect(formatDelta(0.3, "count")).toBe("0")
    expect(formatDelta(-2.6, "packages")).toBe("−3")
  })

  it("keeps decimals for quantities that are not counts", () => {
    expect(formatWithUnit(8.1, "MW")).toBe("8.1 MW")
    expect(formatDelta(0.25, "USD m")).toBe("+0.25")
    expect(formatNumber(76.94)).toBe("76.9")
  })

  it("offers a count axis only whole-number tick spacings (no 2.5 or 7.5)", () => {
    expect(countAxisIncrements.every(Number.isInteger)).toBe(true)
    expect(countAxisIncrements[0]).toBe(1)
  })
})
