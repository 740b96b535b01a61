import type { ReactNode } from "react"
import { formatNumber } from "../number-format.js"
import type { ExerciseState } from "./exercise-api.js"
import type { ExerciseSession } from "./exercise-session.js"
import { GoalBoard } from "./goal-board.js"
import { type CommitmentChoice, MoveForm } from "./move-form.js"
import { MoveList, roleName } from "./move-list.js"
import { OutcomeBoard } from "./outcome-board.js"
import { RoundClock } from "./round-clock.js"
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
export const TeamView = ({
  session,
  commitments,
  leave,
}: {
  readonly session: ExerciseSession
  readonly commitments: ReadonlyArray<CommitmentChoice>
  readonly leave: ReactNode
}) => {
  const { state, error, live, refresh } = useExercise(session)
  if (state === undefined) return <p aria-live="polite">{error ?? "Loading the exercise…"}</p>
  const role = state.you.actor
  const last = state.closedRounds.at(-1)
  return (
    <div className="exercise-layout">
      <header className="exercise-head">
        <h2>
          {roleName(role)}: {session.teamName ?? "your team"}
        </h2>
        <p className="round-status" data-testid="round-status">
          {state.openRound === null
            ? `All ${state.rounds} rounds played`
            : `Round ${state.openRound} of ${state.rounds} · month ${state.month}`}
          <span className={live ? "live-dot live" : "live-dot"}>{live ? "live" : "offline"}</span>
        </p>
        <RoundClock exercise={state} onChange={() => void refresh()} />
      </header>
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
        <OutcomeBoard
          indicators={last.outcomes.indicators}
          round={last.round}
          horizon={last.outcomes.horizonMonth}
        />
      ) : (
        <p className="hint">Outcomes appear when the facilitator closes the first round.</p>
      )}
      {leave}
    </div>
  )
}
