import { useState } from "react"
import { type SpecInput, saveScenario } from "../api.js"
import { routeHref } from "../hash-route.js"
import { rememberSavedScenario } from "../saved-scenarios.js"
import { encodeSpec } from "../spec-codec.js"

type Saved = { readonly id: string; readonly version: number }

/** The links onward from the scenario: compare with the baseline, replay a run, and once saved its timeline. */
const ShareLinks = ({
  spec,
  saved,
  status,
}: {
  readonly spec: SpecInput
  readonly saved?: Saved | undefined
  readonly status: string
}) => (
  <p className="status" aria-live="polite">
    <a
      href={
        saved
          ? routeHref("compare", { a: "baseline", b: saved.id })
          : routeHref("compare", { a: "baseline", s: encodeSpec(spec) })
      }
    >
      Compare with the baseline
    </a>{" "}
    · <a href={routeHref("timeline", { s: encodeSpec(spec) })}>Replay a run</a>
    {status && <span className="status-text"> · {status}</span>}{" "}
    {saved && (
      <a href={routeHref("timeline", { scenario: saved.id })} data-testid="saved-timeline-link">
        Open its timeline
      </a>
    )}
  </p>
)

/** The share link of the scenario, its copy and save buttons, and the links onward. */
export const ShareBar = ({ spec }: { readonly spec: SpecInput }) => {
  const [saved, setSaved] = useState<Saved | undefined>()
  const [status, setStatus] = useState<string>("")
  const url = `${window.location.origin}${window.location.pathname}${routeHref("build", { s: encodeSpec(spec) })}`
  const copy = () => {
    navigator.clipboard?.writeText(url).then(
      () => setStatus("Link copied."),
      () => setStatus("Select the link and copy it."),
    )
  }
  const save = async () => {
    setStatus("Saving…")
    try {
      const result = await saveScenario(spec)
      rememberSavedScenario({
        id: result.id,
        name: spec.name ?? "Untitled scenario",
        savedAt: new Date().toISOString(),
      })
      setSaved(result)
      setStatus("Saved.")
    } catch (e) {
      setStatus(`Could not save: ${(e as Error).message}`)
    }
  }
  return (
    <div className="share panel">
      <div className="lever share-url">
        <label htmlFor="share-url">Share link (opens this exact scenario)</label>
        <div className="inline">
          <input id="share-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="secondary" onClick={copy}>
            Copy link
          </button>
          <button type="button" onClick={save}>
            Save scenario
          </button>
        </div>
      </div>
      <ShareLinks spec={spec} saved={saved} status={status} />
    </div>
  )
}
