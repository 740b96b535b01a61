import { interventionTitles, interventionTypeIds, MAX_HORIZON_MONTHS } from "@accord/domain/facts"
import { useEffect, useState } from "react"
import {
  fetchObservations,
  type InterventionInput,
  type ObservationInput,
  type PackDetail,
  type SpecInput,
  saveScenario,
} from "../api.js"
import { replaceRoute, routeHref } from "../hash-route.js"
import { usePack } from "../pack-store.js"
import { ResultsPanel } from "../results/results-panel.js"
import { rememberSavedScenario } from "../saved-scenarios.js"
import { DriversPanel } from "../sensitivity/drivers-panel.js"
import { GoalPanel } from "../sensitivity/goal-panel.js"
import { decodeSpec, defaultSpec, encodeSpec } from "../spec-codec.js"
import { InterventionEditor, newIntervention } from "./intervention-editor.js"
import { NumberLever, RangeLever, SelectLever } from "./lever-inputs.js"
import { useScenarioReports } from "./use-scenario-reports.js"

const runOptions = [100, 500, 1000, 2000, 5000, 10000].map((n) => ({
  value: String(n),
  label: `${n.toLocaleString("en-US")} runs`,
}))

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
        {reports.error && (
          <div role="alert" className="error">
            <strong>The API refused this scenario:</strong> {reports.error.message}
            {"issues" in reports.error && Array.isArray(reports.error.issues) && (
              <ul>
                {reports.error.issues.map((i) => (
                  <li key={i.path}>
                    <code>{i.path}</code>: {i.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
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

const Levers = ({ spec, pack, onChange, observations }: LeversProps) => {
  const latest =
    observations
      .map((o) => o.date)
      .sort()
      .at(-1) ?? ""
  const ivs = spec.interventions
  const setIvs = (interventions: ReadonlyArray<InterventionInput>) => onChange({ ...spec, interventions })
  // After "+ …", focus goes to the new intervention's first field (it sits above the buttons).
  const [focusIndex, setFocusIndex] = useState<number | undefined>()
  useEffect(() => {
    if (focusIndex === undefined) return
    const first = document.querySelector<HTMLElement>(
      `[data-intervention-index="${focusIndex}"] :is(input, select, button)`,
    )
    if (first !== null) {
      first.focus()
      setFocusIndex(undefined)
    }
  })
  const latestMonth = Math.max(
    1,
    ...ivs.map((iv) => iv.month ?? 0),
    ...ivs.map((iv) => (iv.type === "delay" ? 1 : 0)),
  )
  const ordinals = new Map<string, number>()
  return (
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
      <fieldset>
        <legend>Interventions</legend>
        {ivs.length === 0 && <p className="hint">None yet: the scenario equals the baseline.</p>}
        {ivs.map((iv, i) => {
          const ordinal = (ordinals.get(iv.type) ?? 0) + 1
          ordinals.set(iv.type, ordinal)
          return (
            <InterventionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: interventions have no id; position is their identity
              key={i}
              intervention={iv}
              index={i}
              ordinal={ordinal}
              horizonMonths={spec.horizonMonths}
              pack={pack}
              onChange={(next) => setIvs(ivs.map((x, j) => (j === i ? next : x)))}
              onRemove={() => setIvs(ivs.filter((_, j) => j !== i))}
            />
          )
        })}
        <div className="add-buttons">
          {interventionTypeIds.map((type) => {
            const about = pack.interventions.find((d) => d.type === type)
            return (
              <button
                key={type}
                type="button"
                className="add"
                title={about?.description}
                onClick={() => {
                  setIvs([...ivs, newIntervention(type, pack)])
                  setFocusIndex(ivs.length)
                }}
              >
                + {interventionTitles[type]}
              </button>
            )
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Run settings</legend>
        <SelectLever
          name="asOf"
          label="Projection"
          value={spec.asOf ?? ""}
          options={[
            { value: "", label: "as of the visit" },
            ...(latest === "" ? [] : [{ value: latest, label: `as of the latest observation (${latest})` }]),
            ...(spec.asOf && spec.asOf !== latest ? [{ value: spec.asOf, label: `as of ${spec.asOf}` }] : []),
          ]}
          onChange={(asOf) => {
            const { asOf: _old, ...rest } = spec
            onChange(asOf === "" ? rest : { ...rest, asOf })
          }}
        />
        <RangeLever
          name="horizonMonths"
          label="Horizon"
          value={spec.horizonMonths}
          min={latestMonth}
          max={MAX_HORIZON_MONTHS}
          format={(v) => `${v} months`}
          onChange={(horizonMonths) => onChange({ ...spec, horizonMonths })}
        />
        <SelectLever
          name="runs"
          label="Runs"
          value={String(spec.runs)}
          options={
            runOptions.some((o) => o.value === String(spec.runs))
              ? runOptions
              : [...runOptions, { value: String(spec.runs), label: `${spec.runs} runs` }]
          }
          onChange={(runs) => onChange({ ...spec, runs: Number(runs) })}
        />
        <NumberLever
          name="seed"
          label="Seed"
          value={spec.seed}
          min={0}
          max={4_294_967_295}
          onChange={(seed) => onChange({ ...spec, seed })}
        />
      </fieldset>
    </form>
  )
}

const ShareBar = ({ spec }: { readonly spec: SpecInput }) => {
  const [saved, setSaved] = useState<{ id: string; version: number } | undefined>()
  const [status, setStatus] = useState<string>("")
  const url = `${window.location.origin}${window.location.pathname}${routeHref("build", { s: encodeSpec(spec) })}`
  return (
    <div className="share panel">
      <div className="lever share-url">
        <label htmlFor="share-url">Share link (opens this exact scenario)</label>
        <div className="inline">
          <input id="share-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              navigator.clipboard?.writeText(url).then(
                () => setStatus("Link copied."),
                () => setStatus("Select the link and copy it."),
              )
            }}
          >
            Copy link
          </button>
          <button
            type="button"
            onClick={async () => {
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
            }}
          >
            Save scenario
          </button>
        </div>
      </div>
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
          <>
            <a href={routeHref("timeline", { scenario: saved.id })} data-testid="saved-timeline-link">
              Open its timeline
            </a>
          </>
        )}
      </p>
    </div>
  )
}
