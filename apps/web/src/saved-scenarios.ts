/** A scenario this browser saved through the API, remembered so the class can find it again. */
export interface SavedScenarioRef {
  readonly id: string
  readonly name: string
  readonly savedAt: string
}

const KEY = "accord.savedScenarios"

/** Scenarios saved from this browser, newest first. */
export const listSavedScenarios = (): ReadonlyArray<SavedScenarioRef> => {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown
    return Array.isArray(value) ? (value as SavedScenarioRef[]) : []
  } catch {
    return []
  }
}

/** Remembers a saved scenario. */
export const rememberSavedScenario = (ref: SavedScenarioRef): void => {
  const rest = listSavedScenarios().filter((s) => s.id !== ref.id)
  localStorage.setItem(KEY, JSON.stringify([ref, ...rest].slice(0, 50)))
}
