import { useId } from "react"
import { routeHref } from "../hash-route.js"
import { useScenarioChoices } from "../scenario-choices.js"

/** Picks the stored scenario to replay (or says the builder's unsaved one is shown); opens it by its route. */
export const ScenarioPicker = ({
  scenarioId,
  name,
  fromBuilder,
}: {
  readonly scenarioId: string | undefined
  readonly name: string | undefined
  readonly fromBuilder: boolean
}) => {
  const pickerId = useId()
  const saved = useScenarioChoices()
  return (
    <div className="lever">
      <label htmlFor={pickerId}>Stored scenario</label>
      <select
        id={pickerId}
        value={scenarioId ?? ""}
        onChange={(e) => {
          window.location.hash = routeHref("timeline", { scenario: e.currentTarget.value || undefined })
        }}
      >
        <option value="">
          {fromBuilder ? "The builder's scenario (not stored)" : "Choose a saved scenario…"}
        </option>
        {saved.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
        {scenarioId && !saved.some((s) => s.value === scenarioId) && (
          <option value={scenarioId}>{name ?? scenarioId}</option>
        )}
      </select>
    </div>
  )
}
