import { useState } from "react"
import type { GoalResult, PackDetail, SpecInput } from "../api.js"
import { GoalForm, goalLevers, useGoalQuestion } from "./goal-form.js"

export interface GoalPanelProps {
  readonly spec: SpecInput
  readonly pack: PackDetail
  /** Applies a lever value the answer found. */
  readonly onApply: (intervention: number, field: string, value: number) => void
}

/** The search's answer, and a button that puts the value it found into the scenario. */
const GoalAnswer = ({
  answer,
  onApply,
}: {
  readonly answer: GoalResult
  readonly onApply: GoalPanelProps["onApply"]
}) => (
  <div className="goal-answer" data-testid="goal-answer" data-reachable={answer.reachable}>
    <p>
      <strong>{answer.message}</strong>
    </p>
    {answer.answer && (
      <button
        type="button"
        onClick={() => onApply(answer.lever.intervention, answer.lever.field, answer.answer?.value ?? 0)}
      >
        Use {answer.answer.value} in this scenario
      </button>
    )}
  </div>
)

/** "What would it take?": pick a lever of the scenario, an indicator, a month, a target and how often. */
export const GoalPanel = ({ spec, pack, onApply }: GoalPanelProps) => {
  const levers = goalLevers(spec)
  const [lever, setLever] = useState(levers[0]?.key ?? "")
  const [question, setQuestion] = useGoalQuestion(spec, pack)
  const [answer, setAnswer] = useState<GoalResult | undefined>()
  const [status, setStatus] = useState("")
  const chosen = levers.find((l) => l.key === lever) ?? levers[0]
  return (
    <section className="goal panel" aria-labelledby="goal-h" data-testid="goal-panel">
      <h2 id="goal-h">What would it take?</h2>
      {chosen === undefined ? (
        <p className="hint">Add an intervention first: its numbers are the levers this panel can move.</p>
      ) : (
        <GoalForm
          spec={spec}
          pack={pack}
          levers={levers}
          chosen={chosen}
          onLever={setLever}
          question={question}
          onQuestion={setQuestion}
          onStatus={setStatus}
          onAnswer={setAnswer}
        />
      )}
      <p aria-live="polite" className="status-text">
        {status}
      </p>
      {answer && <GoalAnswer answer={answer} onApply={onApply} />}
    </section>
  )
}
