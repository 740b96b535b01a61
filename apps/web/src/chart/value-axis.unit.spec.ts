import { describe, expect, it } from "vitest"
import { countAxisIncrements, valueTicks } from "./value-axis.js"

describe("value axis", () => {
  it("offers a count axis only whole-number tick spacings (no 2.5 or 7.5)", () => {
    expect(countAxisIncrements.every(Number.isInteger)).toBe(true)
    expect(countAxisIncrements[0]).toBe(1)
    expect(valueTicks("facilities").incrs).toEqual(countAxisIncrements)
    expect(valueTicks("MW").incrs).toBeUndefined()
  })

  it("labels ticks as the reports write numbers: a count whole, a quantity by magnitude", () => {
    const labels = (unit: string, splits: Array<number>) =>
      (valueTicks(unit).values as (u: unknown, s: Array<number>) => Array<string>)(undefined, splits)
    expect(labels("facilities", [0, 2.5, 1200])).toEqual(["0", "3", "1,200"])
    expect(labels("MW", [-250, 0, 7.5, 12.25])).toEqual(["−250", "0", "7.5", "12.3"])
  })
})
