import { type InterventionTypeId, interventionLeverFields } from "@accord/domain/facts"
import { useState } from "react"
import { type GoalResult, type PackDetail, type SpecInput, seekGoal } from "../api.js"

export interface GoalPanelProps {
  readonly spec: SpecInput
  readonly pack: PackDetail
  /** Applies a lever value the answer found. */
  readonly onApply: (intervention: number, field: string, value: number) => void
}

/** "What would it take?": pick a lever of the scenario, an indicator, a month, a target and how often. */
export const GoalPanel = ({ spec, pack, onApply }: GoalPanelProps) => {
  const levers = spec.interventions.flatMap((iv, index) =>
    (interventionLeverFields[iv.type as InterventionTypeId] ?? []).map((field) => ({
      key: `${index}.${field}`,
      index,
      field,
      label: `${index + 1}. ${iv.type}: ${field}`,
    })),
  )
  const [lever, setLever] = useState(levers[0]?.key ?? "")
  const [indicator, setIndicator] = useState(pack.indicators[0]?.id ?? "")
  const [month, setMonth] = useState(spec.horizonMonths)
  const [target, setTarget] = useState(100)
  const [probability, setProbability] = useState(0.8)
  const [answer, setAnswer] = useState<GoalResult | undefined>()
  const [status, setStatus] = useState("")
  const chosen = levers.find((l) => l.key === lever) ?? levers[0]
  return (
    <section className="goal panel" aria-labelledby="goal-h" data-testid="goal-panel">
      <h2 id="goal-h">What would it take?</h2>
      {chosen === undefined ? (
        <p className="hint">Add an intervention first: its numbers are the levers this panel can move.</p>
      ) : (
        <form
          className="goal-form"
          onSubmit={async (e) => {
            e.preventDefault()
            setStatus("Searching…")
            setAnswer(undefined)
            try {
              const { goal } = await seekGoal({
                spec,
                lever: { intervention: chosen.index, field: chosen.field },
                indicator,
                month: Math.min(month, spec.horizonMonths),
                target,
                probability,
              })
              setAnswer(goal)
              setStatus("")
            } catch (error) {
              const e2 = error as Error & { issues?: ReadonlyArray<{ path: string; message: string }> }
              setStatus(
                `${e2.message}${e2.issues?.length ? `: ${e2.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` : ""}`,
              )
            }
          }}
        >
          <label>
            Lever
            <select value={chosen.key} onChange={(e) => setLever(e.currentTarget.value)}>
              {levers.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Indicator
            <select value={indicator} onChange={(e) => setIndicator(e.currentTarget.value)}>
              {pack.indicators.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label} ({i.unit})
                </option>
              ))}
            </select>
          </label>
          <label>
            At month
            <input
              type="number"
              min={0}
              max={spec.horizonMonths}
              value={month}
              onChange={(e) => setMonth(Number(e.currentTarget.value))}
            />
          </label>
          <label>
            Reaches at least
            <input
              type="number"
              min={0}
              step="any"
              value={target}
              onChange={(e) => setTarget(Number(e.currentTarget.value))}
            />
          </label>
          <label>
            In this share of runs
            <input
              type="number"
              min={0.01}
              max={1}
              step={0.01}
              value={probability}
              onChange={(e) => setProbability(Number(e.currentTarget.value))}
            />
          </label>
          <button type="submit">Find the value</button>
        </form>
      )}
      <p aria-live="polite" className="status-text">
        {status}
      </p>
      {answer && (
        <div className="goal-answer" data-testid="goal-answer" data-reachable={answer.reachable}>
          <p>
            <strong>{answer.message}</strong>
          </p>
          {answer.answer && (
            <button
              type="button"
              onClick={() =>
                onApply(answer.lever.intervention, answer.lever.field, answer.answer?.value ?? 0)
              }
            >
              Use {answer.answer.value} in this scenario
            </button>
          )}
        </div>
      )}
    </section>
  )
}
