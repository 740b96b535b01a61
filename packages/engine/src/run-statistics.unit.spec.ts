import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { pack, scenarioSpec } from "../test/scenario-spec-arbitrary.js"
import { Float32OrderStatistics } from "./float32-order-statistics.js"
import { describeCounts, describeRuns, quantileOfSorted } from "./run-statistics.js"
import { simulateChunk } from "./simulation-chunk.js"

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

describe("radix selection over float32 (the report's statistics)", () => {
  const sameAsSelection = (values: Float32Array, radix = new Float32OrderStatistics(values.length)) => {
    const fast = radix.describe(values)
    const reference = describeRuns(values)
    // The same order statistics and arithmetic: the same numbers (up to the sign of a zero, which rounding drops).
    expect(zeroSigned([fast.p10, fast.p50, fast.p90, fast.mean])).toEqual(
      zeroSigned([reference.p10, reference.p50, reference.p90, reference.mean]),
    )
  }
  const float = fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })

  test.prop([fc.array(float, { minLength: 1, maxLength: 3000 })])("random floats", (xs) =>
    sameAsSelection(Float32Array.from(xs)),
  )

  test.prop([
    fc.array(fc.constantFrom(0, -0, 1, 2.5, 1e-30, 7e20, -3), { minLength: 1, maxLength: 5000 }),
    fc.array(float, { maxLength: 40 }),
  ])("many ties and a few outliers (the shape of cumulative indicators)", (ties, outliers) =>
    sameAsSelection(Float32Array.from([...ties, ...outliers])),
  )

  test.prop([scenarioSpec], { numRuns: 15 })(
    "every indicator-month column of random specs, with one scratch reused across them",
    (spec) => {
      const chunk = simulateChunk(pack, spec, 0, spec.runs)
      const radix = new Float32OrderStatistics(spec.runs)
      for (let at = 0; at < chunk.values.length; at += spec.runs)
        sameAsSelection(chunk.values.subarray(at, at + spec.runs), radix)
    },
  )
})
