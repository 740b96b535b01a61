import { describe, expect, it } from "vitest"
import packJson from "../packs/sybiha-visit-2025.json" with { type: "json" }
import {
  formatDelta,
  formatNumber,
  formatShare,
  formatUsdMillions,
  formatWithUnit,
  isCountUnit,
  MINUS,
} from "./number-format.js"

describe("number format (reports and the web app)", () => {
  it("groups thousands and picks precision by magnitude, without trailing zeros", () => {
    expect(formatNumber(1234567.8)).toBe("1,234,568")
    expect(formatNumber(42.25)).toBe("42.3")
    expect(formatNumber(76.94)).toBe("76.9")
    expect(formatNumber(1.23456)).toBe("1.23")
    expect(formatNumber(1.5)).toBe("1.5")
    expect(formatNumber(3)).toBe("3")
    expect(formatNumber(100)).toBe("100")
    expect(formatNumber(0)).toBe("0")
    expect(formatNumber(Number.NaN)).toBe("NaN")
  })

  it("writes a negative number with the minus sign, and a value that rounds to zero as 0", () => {
    expect(MINUS).toBe("−")
    expect(formatNumber(-1234.4)).toBe("−1,234")
    expect(formatNumber(-0.0001)).toBe("0")
    expect(formatNumber(-0.2, "count")).toBe("0")
  })

  it("signs a change, with ±0 for no change", () => {
    expect(formatDelta(12.5)).toBe("+12.5")
    expect(formatDelta(-3)).toBe("−3")
    expect(formatDelta(0)).toBe("±0")
    expect(formatDelta(0.001)).toBe("±0")
    expect(formatDelta(0.25, "USD m")).toBe("+0.25")
    expect(formatDelta(0.3, "count")).toBe("±0")
    expect(formatDelta(-2.6, "packages")).toBe("−3")
    expect(formatDelta(1200)).toBe("+1,200")
  })

  it("formats shares and money in words", () => {
    expect(formatShare(0.555)).toBe("55.5%")
    expect(formatShare(0.3)).toBe("30%")
    expect(formatShare(0)).toBe("0%")
    expect(formatUsdMillions(500)).toBe("USD 500 m")
    expect(formatUsdMillions(1000)).toBe("USD 1 bn")
    expect(formatUsdMillions(1250)).toBe("USD 1.25 bn")
    expect(formatUsdMillions(2.5)).toBe("USD 2.5 m")
  })

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
    expect(formatWithUnit(8.1, "MW")).toBe("8.1 MW")
  })
})
