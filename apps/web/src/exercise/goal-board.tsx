import { formatDelta, formatNumber } from "@accord/domain/facts"
import type { ExerciseState } from "./exercise-api.js"

/**
 * What a team's goal is measured by, first: the indicators its brief names at
 * the month it names (Ukraine's energy before winter, Russia's pressure a year
 * on), as projected after the last round, beside the game without moves.
 * Labels and units come from the projection (the pack's), not from copies.
 */
export const GoalBoard = ({ exercise }: { readonly exercise: ExerciseState }) => {
  const focus = exercise.brief.focus
  const last = exercise.closedRounds.at(-1)
  if (focus === undefined) return null
  const milestone = last?.outcomes.milestones?.find((m) => m.month === focus.month)
  const labelOf = (id: string) => last?.outcomes.indicators.find((i) => i.id === id)
  return (
    <section className="goal-board" aria-labelledby="goal-title">
      <h3 id="goal-title">Your goal, {focus.when}</h3>
      {milestone === undefined ? (
        <p className="hint">
          After the first round closes, this shows where your goal stands at month {focus.month}.
        </p>
      ) : (
        <div className="outcome-tiles">
          {focus.indicators.map((id) => {
            const value = milestone.indicators.find((i) => i.id === id)
            const meta = labelOf(id)
            if (value === undefined || meta === undefined) return null
            const change = value.p50 - value.noMovesP50
            return (
              <article key={id} className="outcome-tile" data-goal={id}>
                <h4>{meta.label}</h4>
                <p className="outcome-value">
                  {formatNumber(value.p50, meta.unit)}&nbsp;<span className="unit">{meta.unit}</span>
                </p>
                {value.p10 !== value.p90 && (
                  <p className="outcome-band">
                    8 in 10 runs: {formatNumber(value.p10, meta.unit)} to {formatNumber(value.p90, meta.unit)}
                  </p>
                )}
                <p className="hint">
                  {Math.abs(change) < 1e-9
                    ? "the same as with no moves"
                    : `${formatDelta(change, meta.unit)} against no moves`}
                </p>
              </article>
            )
          })}
        </div>
      )}
    </section>
  )
}
