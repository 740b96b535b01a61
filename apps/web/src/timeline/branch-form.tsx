import { useId, useState } from "react"
import { branchScenario } from "../api.js"
import { routeHref } from "../hash-route.js"
import { rememberSavedScenario } from "../saved-scenarios.js"

/** Branches the stored scenario at a version, under a name, and opens the branch. */
export const BranchForm = ({
  scenarioId,
  version,
  baseName,
}: {
  readonly scenarioId: string
  readonly version: number
  readonly baseName: string
}) => {
  const [name, setName] = useState("")
  const [status, setStatus] = useState("")
  const id = useId()
  const suggested = `${baseName} (branch at v${version})`
  return (
    <form
      className="branch-form inline"
      onSubmit={async (e) => {
        e.preventDefault()
        setStatus("Branching…")
        try {
          const branch = await branchScenario(scenarioId, version, name || suggested)
          rememberSavedScenario({ id: branch.id, name: name || suggested, savedAt: new Date().toISOString() })
          setStatus("")
          window.location.hash = routeHref("timeline", { scenario: branch.id })
        } catch (err) {
          setStatus(`Could not branch: ${(err as Error).message}`)
        }
      }}
    >
      <div className="lever">
        <label htmlFor={id}>Branch name</label>
        <input
          id={id}
          type="text"
          value={name}
          placeholder={suggested}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <button type="submit">Branch from version {version}</button>
      <span aria-live="polite">{status}</span>
    </form>
  )
}
