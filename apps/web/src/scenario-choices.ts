import { useEffect, useState } from "react"
import { fetchScenarios } from "./api.js"
import { listSavedScenarios } from "./saved-scenarios.js"

/** A stored scenario as a picker offers it. */
export interface Choice {
  readonly value: string
  readonly label: string
}

/** Saved scenarios from the API's list, plus those this browser remembers (the list may lag or be absent). */
export const useScenarioChoices = (): ReadonlyArray<Choice> => {
  const [choices, setChoices] = useState<ReadonlyArray<Choice>>(() =>
    listSavedScenarios().map((s) => ({ value: s.id, label: s.name })),
  )
  useEffect(() => {
    let live = true
    fetchScenarios().then(
      (list) => {
        if (!live) return
        const known = new Map(listSavedScenarios().map((s) => [s.id, s.name]))
        for (const s of list) {
          known.set(s.id, s.name || s.id)
        }
        setChoices([...known].map(([value, label]) => ({ value, label })))
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return choices
}
