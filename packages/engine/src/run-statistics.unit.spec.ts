import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { pack, scenarioSpec } from "../test/scenario-spec-arbitrary.js"
import {
  Float32OrderStatistics,
  floatOfKey,
  interpolatedQuantiles,
  keyOf,
} from "./float32-order-statistics.js"
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

  // The smallest key has a bucket of its own, and a bucket one key wide is answered from the histogram: both
  // without gathering. Each case against a plain sort as well as against Floyd–Rivest selection.
  const sameAsSorting = (values: Float32Array) => {
    const fast = new Float32OrderStatistics(values.length).describe(values)
    expect(zeroSigned([fast.p10, fast.p50, fast.p90])).toEqual(bySorting(values))
    sameAsSelection(values)
  }

  test.prop([
    float,
    fc.integer({ min: 0, max: 4000 }),
    fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e6 }), {
      maxLength: 3000,
      size: "max",
    }),
  ])("a repeated smallest value under a spread above it", (smallest, repeats, above) => {
    const values = Float32Array.from([...above.map((x) => smallest + x), ...Array(repeats).fill(smallest)])
    if (values.length > 0) sameAsSorting(values)
  })

  test.prop([
    fc.integer({ min: 0, max: 0x7f000000 }),
    fc.integer({ min: 1, max: 300 }),
    fc.array(fc.nat(), { minLength: 64, maxLength: 4000, size: "max" }),
  ])("neighbouring floats, many repeated (buckets one key wide)", (first, width, steps) => {
    const values = new Float32Array(Uint32Array.from(steps, (s) => first + (s % width)).buffer)
    sameAsSorting(values)
  })

  const anyBits = fc.oneof(
    // Bits whose keys are 0 (a negative NaN), 2^23 − 1 and 2^23 (−∞, −3.4e38: in the lowest bucket of a range
    // past 32 bits), 2^31 (+0, −0) and 2^32 − 1 (a positive NaN).
    fc.constantFrom(0xffffffff, 0xff800000, 0xff7fffff, 0, 0x80000000, 0x7fffffff),
    fc.integer({ min: 0, max: 0xffffffff }),
  )
  test.prop([
    fc.oneof(
      fc.array(anyBits, { minLength: 49, maxLength: 200 }),
      fc.array(anyBits, { minLength: 1, maxLength: 4000, size: "max" }),
    ),
  ])(
    "any bits, NaNs included, against a plain sort of their keys (the range past 32 bits: no bucket of its own)",
    (bits) => {
      const values = new Float32Array(Uint32Array.from(bits).buffer)
      const sortedKeys = Uint32Array.from(bits, keyOf).sort()
      const fast = new Float32OrderStatistics(values.length).describe(values)
      const reference = interpolatedQuantiles(values.length, fast.mean, (rank) =>
        floatOfKey(sortedKeys[rank] as number),
      )
      expect(zeroSigned([fast.p10, fast.p50, fast.p90])).toEqual(
        zeroSigned([reference.p10, reference.p50, reference.p90]),
      )
    },
  )

  test.prop([
    fc.array(fc.constantFrom(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 0, -1, 1e30, -1e30), {
      minLength: 1,
      maxLength: 3000,
    }),
    fc.array(float, { maxLength: 200 }),
  ])("infinities among the keys", (extremes, others) =>
    // Not against `quantileOfSorted`, which interpolates with weight 0 where the report does not (∞ × 0 is NaN).
    sameAsSelection(Float32Array.from([...extremes, ...others])),
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
