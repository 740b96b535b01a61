import type { Schemas } from "../api-client.js"

type IndicatorComparison = Schemas["IndicatorComparison"]

/**
 * How big a change is, comparable across units: the median delta relative to
 * the larger of the two medians (an indicator going from 0 to anything counts as 100%).
 */
export const relativeSize = (c: IndicatorComparison): number => {
  const h = c.atHorizon
  const scale = Math.max(Math.abs(h.baselineP50), Math.abs(h.variantP50))
  if (scale === 0) return Math.abs(h.deltaMean) > 0 ? 1 : 0
  return Math.abs(h.deltaP50) / scale
}

/** Indicators sorted by the size of their change at the horizon, largest first. */
export const sortBySize = (
  indicators: ReadonlyArray<IndicatorComparison>,
): ReadonlyArray<IndicatorComparison> =>
  [...indicators].sort(
    (a, b) =>
      relativeSize(b) - relativeSize(a) || Math.abs(b.atHorizon.deltaMean) - Math.abs(a.atHorizon.deltaMean),
  )
