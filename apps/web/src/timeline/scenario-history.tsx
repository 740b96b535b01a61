import { useId } from "react"
import type { StoredEvent } from "../api.js"
import { BranchForm } from "./branch-form.js"
import { describeScenarioEvent } from "./scenario-event-text.js"

/** The stored scenario's events with a version slider, and a form to branch from the chosen version. */
export const ScenarioHistory = ({
  scenarioId,
  events,
  latest,
  version,
  setVersion,
  baseName,
  title,
}: {
  readonly scenarioId: string
  readonly events: ReadonlyArray<StoredEvent>
  readonly latest: number
  readonly version: number
  readonly setVersion: (version: number) => void
  readonly baseName: string
  readonly title: (id: string) => string
}) => {
  const versionId = useId()
  return (
    <section className="panel" aria-labelledby="log-h">
      <h2 id="log-h">Scenario history (stored events)</h2>
      <div className="lever">
        <label htmlFor={versionId}>Show the scenario as of version</label>
        <input
          id={versionId}
          type="range"
          min={1}
          max={Math.max(1, latest)}
          value={version}
          aria-valuetext={`version ${version} of ${latest}`}
          onChange={(e) => setVersion(Number(e.currentTarget.value))}
        />
        <output htmlFor={versionId}>
          v{version} of {latest}
        </output>
      </div>
      <ol className="event-log" data-testid="scenario-log" aria-label="Stored events of the scenario">
        {events.map((e, i) => {
          const v = e.version ?? i + 1
          return (
            <li
              key={v}
              className={v <= version ? "applied" : "future"}
              aria-current={v === version ? "step" : undefined}
            >
              <span className="event-version">v{v}</span> {describeScenarioEvent(e, title)}
            </li>
          )
        })}
      </ol>
      <BranchForm scenarioId={scenarioId} version={version} baseName={baseName} />
    </section>
  )
}
