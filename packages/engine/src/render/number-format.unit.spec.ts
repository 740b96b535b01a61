import { describe, expect, it } from "vitest"
import { formatDelta, formatNumber, formatShare, formatUsdMillions } from "./number-format.js"

describe("number formatting", () => {
  it("groups thousands and picks precision by magnitude, independent of locale", () => {
    expect(formatNumber(1234567.8)).toBe("1,234,568")
    expect(formatNumber(-1234.4)).toBe("-1,234")
    expect(formatNumber(42.25)).toBe("42.3")
    expect(formatNumber(1.23456)).toBe("1.23")
    expect(formatNumber(0)).toBe("0")
    expect(formatNumber(-0.0001)).toBe("0.00")
  })
  it("signs increases and formats shares and money in words", () => {
    expect(formatDelta(12.5)).toBe("+12.5")
    expect(formatDelta(-3)).toBe("-3.00")
    expect(formatDelta(0)).toBe("0")
    expect(formatShare(0.555)).toBe("55.5%")
    expect(formatUsdMillions(500)).toBe("USD 500 m")
    expect(formatUsdMillions(1000)).toBe("USD 1 bn")
    expect(formatUsdMillions(1250)).toBe("USD 1.25 bn")
    expect(formatUsdMillions(2.5)).toBe("USD 2.5 m")
  })
})
