import { useEffect, useState } from "react"
import { fetchScenario, fetchScenarioEvents, type SpecInput, type StoredEvent } from "../api.js"

/**
 * A stored scenario's event log and its spec as of a chosen version (replayed by the API); the version starts
 * at the latest. Without a stored scenario, the spec is the one given (the builder's).
 */
export const useScenarioHistory = (
  scenarioId: string | undefined,
  given: SpecInput | undefined,
  onError: (message: string | undefined) => void,
) => {
  const [events, setEvents] = useState<ReadonlyArray<StoredEvent> | undefined>()
  const [latest, setLatest] = useState(0)
  const [version, setVersion] = useState(0)
  const [spec, setSpec] = useState<SpecInput | undefined>(given)

  useEffect(() => {
    if (!scenarioId) return
    let live = true
    onError(undefined)
    Promise.all([fetchScenarioEvents(scenarioId), fetchScenario(scenarioId)]).then(
      ([log, current]) => {
        if (!live) return
        setEvents(log)
        setLatest(current.version)
        setVersion(current.version)
      },
      (e: Error) => live && onError(e.message),
    )
    return () => {
      live = false
    }
  }, [scenarioId, onError])

  useEffect(() => {
    if (!scenarioId || version === 0) return
    let live = true
    fetchScenario(scenarioId, version).then(
      (s) => live && setSpec(s.spec),
      (e: Error) => live && onError(e.message),
    )
    return () => {
      live = false
    }
  }, [scenarioId, version, onError])

  return { events, latest, version, setVersion, spec }
}
