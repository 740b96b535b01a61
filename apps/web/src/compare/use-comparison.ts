import { useEffect, useState } from "react"
import { type Comparison, compare, fetchScenario, type SpecInput } from "../api.js"
import { replaceRoute, routeHref } from "../hash-route.js"
import { baselineOf } from "../spec-codec.js"

export const BASELINE = "baseline"
export const BUILDER = "builder"

const specOf = async (choice: string, builderSpec: SpecInput | undefined): Promise<SpecInput | undefined> => {
  if (choice === BUILDER) return builderSpec
  if (choice === BASELINE) return undefined
  return (await fetchScenario(choice)).spec
}

export interface ComparisonState {
  readonly comparison?: Comparison
  readonly error?: string
  readonly loading: boolean
}

/**
 * The comparison of A (a saved scenario, the builder's, or B's baseline) with B, run again whenever either
 * changes; the route keeps both choices. `s` is the builder's encoded spec, `builderSpec` its decoding.
 */
export const useComparison = (
  a: string,
  b: string,
  s: string | undefined,
  builderSpec: SpecInput | undefined,
) => {
  const [result, setResult] = useState<ComparisonState>({ loading: false })
  // biome-ignore lint/correctness/useExhaustiveDependencies: builderSpec is derived from `s`
  useEffect(() => {
    replaceRoute(routeHref("compare", { a, b: b || undefined, s }))
    if (!b) return
    let live = true
    setResult((r) => ({ ...r, loading: true }))
    ;(async () => {
      const variant = await specOf(b, builderSpec)
      if (!variant) throw new Error("choose a scenario to compare")
      const baseline = (await specOf(a, builderSpec)) ?? baselineOf(variant)
      return compare(baseline, variant)
    })().then(
      (comparison) => live && setResult({ comparison, loading: false }),
      (e: Error) => live && setResult({ error: e.message, loading: false }),
    )
    return () => {
      live = false
    }
  }, [a, b, s])
  return result
}
