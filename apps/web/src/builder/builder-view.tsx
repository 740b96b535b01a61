import { useEffect, useState } from "react"
import { fetchObservations, type ObservationInput, type PackDetail, type SpecInput } from "../api.js"
import { ApiError } from "../api-client.js"
import { replaceRoute, routeHref } from "../hash-route.js"
import { usePack } from "../pack-store.js"
import { ResultsPanel } from "../results/results-panel.js"
import { DriversPanel } from "../sensitivity/drivers-panel.js"
import { GoalPanel } from "../sensitivity/goal-panel.js"
import { decodeSpec, defaultSpec, encodeSpec } from "../spec-codec.js"
import { InterventionList } from "./intervention-list.js"
import { RunSettings } from "./run-settings.js"
import { ShareBar } from "./share-bar.js"
import { useScenarioReports } from "./use-scenario-reports.js"

/** The API's refusal of a scenario, with the path of each field it refused. */
const Refusal = ({ error }: { readonly error: Error }) => (
  <div role="alert" className="error">
    <strong>The API refused this scenario:</strong> {error.message}
    {error instanceof ApiError && (
      <ul>
        {error.issues.map((i) => (
          <li key={i.path}>
            <code>{i.path}</code>: {i.message}
          </li>
        ))}
      </ul>
    )}
  </div>
)

/** The scenario builder: levers on the left, the live report against its baseline on the right. */
export const BuilderView = ({
  packId,
  encoded,
}: {
  readonly packId: string
  readonly encoded: string | null
}) => {
  const [spec, setSpec] = useState<SpecInput>(() => (encoded && decodeSpec(encoded)) || defaultSpec(packId))
  const { pack, error: packError } = usePack(spec.pack)
  const reports = useScenarioReports(spec)
  const observations = usePackObservations(spec.pack)

  useEffect(() => {
    replaceRoute(routeHref("build", { s: encodeSpec(spec) }))
  }, [spec])

  if (packError) return <p role="alert">Could not load the pack: {packError.message}</p>
  if (!pack) return <p aria-live="polite">Loading the pack…</p>

  const descriptions = new Map(pack.indicators.map((i) => [i.id, i.description]))
  return (
    <div className="builder">
      <h1 className="visually-hidden">Build a scenario: {pack.title}</h1>
      <Levers spec={spec} pack={pack} onChange={setSpec} observations={observations} />
      <div className="builder-results">
        <ShareBar spec={spec} />
        <GoalPanel
          spec={spec}
          pack={pack}
          onApply={(index, field, value) =>
            setSpec({
              ...spec,
              interventions: spec.interventions.map((iv, i) =>
                i === index ? { ...iv, [field]: value } : iv,
              ),
            })
          }
        />
        {reports.error && <Refusal error={reports.error} />}
        {reports.report ? (
          <ResultsPanel
            report={reports.report}
            baseline={reports.baseline}
            generation={reports.generation}
            busy={reports.loading}
            descriptions={descriptions}
            observations={observations}
            startMonth={pack.startMonth}
            drivers={(indicator, unit) => (
              <DriversPanel
                spec={spec}
                pack={pack}
                indicator={indicator}
                unit={unit}
                onPin={(parameter, value) =>
                  setSpec({ ...spec, assumptions: { ...spec.assumptions, [parameter]: value } })
                }
              />
            )}
          />
        ) : (
          <p aria-live="polite">Running the scenario…</p>
        )}
      </div>
    </div>
  )
}

/** The pack's observations (empty until loaded, or if they cannot be). */
const usePackObservations = (packId: string): ReadonlyArray<ObservationInput> => {
  const [observations, setObservations] = useState<ReadonlyArray<ObservationInput>>([])
  useEffect(() => {
    let live = true
    fetchObservations(packId).then(
      (body) => live && setObservations(body.observations),
      () => live && setObservations([]),
    )
    return () => {
      live = false
    }
  }, [packId])
  return observations
}

interface LeversProps {
  readonly spec: SpecInput
  readonly pack: PackDetail
  readonly onChange: (next: SpecInput) => void
  readonly observations: ReadonlyArray<ObservationInput>
}

const Levers = ({ spec, pack, onChange, observations }: LeversProps) => (
  <form className="levers panel" aria-labelledby="levers-h" onSubmit={(e) => e.preventDefault()}>
    <h2 id="levers-h">Scenario levers</h2>
    <div className="lever">
      <label htmlFor="scenario-name">Scenario name</label>
      <input
        id="scenario-name"
        type="text"
        maxLength={200}
        value={spec.name ?? ""}
        placeholder="e.g. Extra sanctions in Q2"
        onChange={(e) => {
          const name = e.currentTarget.value
          const { name: _old, ...rest } = spec
          onChange(name ? { ...rest, name } : rest)
        }}
      />
    </div>
    <InterventionList spec={spec} pack={pack} onChange={onChange} />
    <RunSettings spec={spec} observations={observations} onChange={onChange} />
  </form>
)
