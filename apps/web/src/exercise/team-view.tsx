import { formatNumber } from "@accord/domain/facts"
import type { ExerciseState } from "./exercise-api.js"
import { GoalBoard } from "./goal-board.js"
import { MoveForm } from "./move-form.js"
import { MoveList, roleName } from "./move-list.js"
import { OutcomeBoard } from "./outcome-board.js"
import { ExerciseHead, ExerciseLoading, type SeatViewProps } from "./seat-view.js"
import { TeamRulings } from "./team-rulings.js"
import { useExercise } from "./use-exercise.js"

/** The role's budget for the round and what is left of it (the API refuses a move beyond it). */
const BudgetLine = ({ exercise }: { readonly exercise: ExerciseState }) => {
  const role = exercise.you.actor
  const budget = role === "facilitator" || role === "observer" ? undefined : exercise.budgets?.[role]
  const left = exercise.remaining
  if (budget === undefined || left === null) return null
  return (
    <p className="budget" data-testid="budget">
      <strong>Budget this round:</strong>
      {budget.usdM !== undefined &&
        ` USD ${formatNumber(budget.usdM)} m (USD ${formatNumber(left.usdM ?? 0)} m left)`}
      {budget.moves !== undefined && ` · ${budget.moves} moves (${left.moves ?? 0} left)`}
    </p>
  )
}

/** A team's view: its role brief, its moves for the open round, everyone's revealed moves and the outcomes so far. */
export const TeamView = ({ session, commitments, leave }: SeatViewProps) => {
  const { state, error, live, refresh } = useExercise(session)
  if (state === undefined) return <ExerciseLoading error={error} />
  const role = state.you.actor
  const last = state.closedRounds.at(-1)
  return (
    <div className="exercise-layout">
      <ExerciseHead
        title={`${roleName(role)}: ${session.teamName ?? "your team"}`}
        status={
          state.openRound === null
            ? `All ${state.rounds} rounds played`
            : `Round ${state.openRound} of ${state.rounds} · month ${state.month}`
        }
        live={live}
        exercise={state}
        onRefresh={() => void refresh()}
      />
      <GoalBoard exercise={state} />
      <div className="exercise-columns">
        <section aria-labelledby="brief-title" className="brief">
          <h3 id="brief-title">{state.brief.title}</h3>
          <p>{state.brief.situation}</p>
          <h4>Your goals</h4>
          <ul>
            {state.brief.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
          <BudgetLine exercise={state} />
          <TeamRulings exercise={state} />
          {state.openRound !== null && role !== "facilitator" && role !== "observer" && (
            <MoveForm
              exercise={state}
              token={session.token}
              actor={role}
              commitments={commitments}
              onSubmitted={() => void refresh()}
            />
          )}
        </section>
        <section aria-labelledby="team-moves-title">
          <h3 id="team-moves-title">Moves</h3>
          <MoveList exercise={state} />
        </section>
      </div>
      {last ? (
        <OutcomeBoard closed={last} />
      ) : (
        <p className="hint">Outcomes appear when the facilitator closes the first round.</p>
      )}
      {leave}
    </div>
  )
}
