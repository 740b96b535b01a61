import { describe, expect, it } from "vitest"
import { sampleMonths, samplingNote } from "./month-sampling.js"

const months = (horizon: number) => Array.from({ length: horizon + 1 }, (_, m) => m)

describe("sampleMonths", () => {
  it("shows every month up to a 24-month horizon", () => {
    expect(sampleMonths(months(24))).toEqual(months(24))
    expect(samplingNote(months(24), sampleMonths(months(24)))).toBeUndefined()
  })
  it("samples long horizons at a round step and always keeps month 0 and the horizon", () => {
    for (const horizon of [25, 31, 36, 60, 97, 120]) {
      const shown = sampleMonths(months(horizon))
      expect(shown[0]).toBe(0)
      expect(shown[shown.length - 1]).toBe(horizon)
      expect(shown.length).toBeLessThanOrEqual(14)
      expect(shown.length).toBeGreaterThanOrEqual(9)
    }
    expect(sampleMonths(months(120))).toEqual([0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120])
    expect(sampleMonths(months(31))).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 31])
    expect(samplingNote(months(31), sampleMonths(months(31)))).toContain("every 3 months")
  })
})
