import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { describeCounts, describeRuns, quantileOfSorted } from "../src/run-statistics.js"

// Selection may return -0 where sorting returns +0 (they are equal values): compare numbers, not signs of zero.
const zeroSigned = (xs: ReadonlyArray<number>) => xs.map((x) => x + 0)

const bySorting = (values: Float32Array) => {
  const sorted = values.slice().sort()
  return zeroSigned([0.1, 0.5, 0.9].map((q) => quantileOfSorted(sorted, q)))
}

describe("run statistics", () => {
  test.prop([
    fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
      minLength: 1,
      maxLength: 3000,
    }),
  ])("selection gives the same quantiles as sorting, and the mean in run order", (xs) => {
    const values = Float32Array.from(xs)
    const stats = describeRuns(values)
    expect(zeroSigned([stats.p10, stats.p50, stats.p90])).toEqual(bySorting(values))
    expect(stats.mean).toBe(values.reduce((a, b) => a + b, 0) / values.length)
  })

  test.prop([fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3000 })])(
    "the histogram gives the same quantiles as sorting for counts",
    (xs) => {
      const values = Float32Array.from(xs)
      const stats = describeCounts(values, new Int32Array(64))
      expect([stats.p10, stats.p50, stats.p90]).toEqual(bySorting(values))
      expect(stats.mean).toBe(describeRuns(values).mean)
    },
  )
})
