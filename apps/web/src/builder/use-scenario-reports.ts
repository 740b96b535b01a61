import { useEffect, useRef, useState } from "react"
import { ApiError, type Report, type SpecInput, simulate } from "../api.js"
import { baselineOf, specKey } from "../spec-codec.js"

export interface ScenarioReports {
  readonly report?: Report | undefined
  readonly baseline?: Report | undefined
  readonly loading: boolean
  readonly error?: ApiError | Error | undefined
  /** Increases with every spec change; the drawn charts report which one they show. */
  readonly generation: number
}

/**
 * Keeps the scenario's report and its baseline's in step with the spec.
 * The first change after a quiet spell goes out at once (a click feels
 * instant); changes that follow within `waitMs` (a slider being dragged)
 * collapse into one trailing request. A newer request aborts the older one.
 */
export const useScenarioReports = (spec: SpecInput | undefined, waitMs = 150): ScenarioReports => {
  const [state, setState] = useState<ScenarioReports>({ loading: false, generation: 0 })
  const baselines = useRef(new Map<string, Promise<Report>>())
  const inFlight = useRef<AbortController | null>(null)
  const lastFiredAt = useRef(Number.NEGATIVE_INFINITY)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const generation = useRef(0)
  const key = spec ? specKey(spec) : ""

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the spec's content
  useEffect(() => {
    if (!spec) return
    const gen = ++generation.current
    const fire = () => {
      timer.current = undefined
      lastFiredAt.current = performance.now()
      inFlight.current?.abort()
      const controller = new AbortController()
      inFlight.current = controller
      setState((s) => ({ ...s, loading: true, generation: gen }))
      const base = baselineOf(spec)
      const baseKey = specKey(base)
      let basePromise = baselines.current.get(baseKey)
      if (!basePromise) {
        basePromise = simulate(base)
        baselines.current.set(baseKey, basePromise)
        basePromise.catch(() => baselines.current.delete(baseKey))
      }
      const scenarioPromise =
        spec.interventions.length === 0 && baseKey === key ? basePromise : simulate(spec, controller.signal)
      Promise.all([scenarioPromise, basePromise]).then(
        ([report, baseline]) => {
          if (gen !== generation.current) return
          setState({ report, baseline, loading: false, generation: gen })
        },
        (error: unknown) => {
          if (controller.signal.aborted || gen !== generation.current) return
          setState((s) => ({
            ...s,
            loading: false,
            generation: gen,
            error: error instanceof Error ? error : new Error(String(error)),
          }))
        },
      )
    }
    const sinceLast = performance.now() - lastFiredAt.current
    if (timer.current !== undefined) clearTimeout(timer.current)
    if (sinceLast >= waitMs) fire()
    else timer.current = setTimeout(fire, waitMs - sinceLast)
  }, [key, waitMs])

  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current)
      inFlight.current?.abort()
    },
    [],
  )

  return state
}

export { ApiError }
