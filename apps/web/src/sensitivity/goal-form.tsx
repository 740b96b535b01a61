import { type InterventionTypeId, interventionLeverFields } from "@accord/domain/facts"
import { useState } from "react"
import { type GoalResult, type PackDetail, type SpecInput, seekGoal } from "../api.js"

/** The levers of a scenario a goal can move: every number field of every intervention. */
export const goalLevers = (spec: SpecInput) =>
  spec.interventions.flatMap((iv, index) =>
    (interventionLeverFields[iv.type as InterventionTypeId] ?? []).map((field) => ({
      key: `${index}.${field}`,
      index,
      field,
      label: `${index + 1}. ${iv.type}: ${field}`,
    })),
  )

type GoalLever = ReturnType<typeof goalLevers>[number]

/** A refusal as one line: its message, then the path and message of each issue. */
const refusalText = (error: unknown) => {
  const e = error as Error & { issues?: ReadonlyArray<{ path: string; message: string }> }
  return `${e.message}${e.issues?.length ? `: ${e.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` : ""}`
}

/** A labelled number input of the goal form. */
const NumberInput = ({
  label,
  value,
  onChange,
  ...limits
}: {
  readonly label: string
  readonly value: number
  readonly onChange: (value: number) => void
  readonly min: number
  readonly max?: number
  readonly step?: number | "any"
}) => (
  <label>
    {label}
    <input
      type="number"
      {...limits}
      value={value}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
    />
  </label>
)

/** A labelled drop-down of the goal form. */
const Choice = ({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string
  readonly value: string
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly onChange: (value: string) => void
}) => (
  <label>
    {label}
    <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </label>
)

/** What the goal asks, but for the lever: an indicator, a month, a target and how often. */
export interface GoalQuestion {
  readonly indicator: string
  readonly month: number
  readonly target: number
  readonly probability: number
}

/** The question a panel starts from: the pack's first indicator, at the horizon, at least 100 in 8 runs of 10. */
export const useGoalQuestion = (spec: SpecInput, pack: PackDetail) =>
  useState<GoalQuestion>(() => ({
    indicator: pack.indicators[0]?.id ?? "",
    month: spec.horizonMonths,
    target: 100,
    probability: 0.8,
  }))

export interface GoalFormProps {
  readonly spec: SpecInput
  readonly pack: PackDetail
  readonly levers: ReadonlyArray<GoalLever>
  readonly chosen: GoalLever
  readonly onLever: (key: string) => void
  readonly question: GoalQuestion
  readonly onQuestion: (question: GoalQuestion) => void
  readonly onStatus: (status: string) => void
  readonly onAnswer: (answer: GoalResult | undefined) => void
}

/** The question: a lever, an indicator, a month, a target and how often; the answer goes to `onAnswer`. */
export const GoalForm = (props: GoalFormProps) => {
  const { spec, pack, levers, chosen, onLever, question, onQuestion, onStatus, onAnswer } = props
  const { indicator, month, target, probability } = question
  const set = (change: Partial<GoalQuestion>) => onQuestion({ ...question, ...change })
  const seek = async () => {
    onStatus("Searching…")
    onAnswer(undefined)
    try {
      const { goal } = await seekGoal({
        spec,
        lever: { intervention: chosen.index, field: chosen.field },
        indicator,
        month: Math.min(month, spec.horizonMonths),
        target,
        probability,
      })
      onAnswer(goal)
      onStatus("")
    } catch (error) {
      onStatus(refusalText(error))
    }
  }
  const indicators = pack.indicators.map((i) => ({ value: i.id, label: `${i.label} (${i.unit})` }))
  return (
    <form
      className="goal-form"
      onSubmit={(e) => {
        e.preventDefault()
        void seek()
      }}
    >
      <Choice
        label="Lever"
        value={chosen.key}
        options={levers.map((l) => ({ value: l.key, label: l.label }))}
        onChange={onLever}
      />
      <Choice
        label="Indicator"
        value={indicator}
        options={indicators}
        onChange={(v) => set({ indicator: v })}
      />
      <NumberInput
        label="At month"
        min={0}
        max={spec.horizonMonths}
        value={month}
        onChange={(v) => set({ month: v })}
      />
      <NumberInput
        label="Reaches at least"
        min={0}
        step="any"
        value={target}
        onChange={(v) => set({ target: v })}
      />
      <NumberInput
        label="In this share of runs"
        min={0.01}
        max={1}
        step={0.01}
        value={probability}
        onChange={(v) => set({ probability: v })}
      />
      <button type="submit">Find the value</button>
    </form>
  )
}
