import type { ExerciseState } from "./exercise-api.js"
import { roleName } from "./move-list.js"
import { OutcomeBoard } from "./outcome-board.js"
import { RoundChart } from "./round-chart.js"

/** The charts a projector shows: pressure, money delivered, energy restored. */
const PROJECTOR_CHARTS = ["sanctions.pressure_index", "funds.disbursed_usd_m", "energy.capacity_restored_mw"]

/**
 * What the facilitator projects: the last round's moves (revealed by its
 * close), three charts of how the outlook changed round by round, and the
 * headline numbers with their units. Nothing a student should not see: no
 * join codes, no keys, no pending moves, no links to leave.
 */
export const ProjectorView = ({
  exercise,
  onBack,
}: {
  readonly exercise: ExerciseState
  readonly onBack: () => void
}) => {
  const last = exercise.closedRounds.at(-1)
  if (last === undefined) return null
  const moves = exercise.moves.filter((m) => !m.hidden && m.round === last.round)
  return (
    <div className="projector">
      <p>
        <button type="button" className="secondary" onClick={onBack}>
          Back to the dashboard
        </button>
      </p>
      <h2>
        {exercise.name}: round {last.round} of {exercise.rounds}
      </h2>
      <section aria-labelledby="projector-moves">
        <h3 id="projector-moves">The moves of round {last.round}</h3>
        {moves.length === 0 ? (
          <p>Nobody moved in this round.</p>
        ) : (
          <ul className="projector-moves">
            {moves.map((m) =>
              m.hidden ? null : (
                <li key={m.moveId}>
                  <strong>{roleName(m.role)}</strong>: {m.description}
                  {m.status === "void" ? ` (did not happen: ${m.reason ?? "void"})` : ""}
                </li>
              ),
            )}
          </ul>
        )}
      </section>
      <div className="projector-charts">
        {PROJECTOR_CHARTS.map((id) => (
          <RoundChart key={id} exercise={exercise} indicator={id} />
        ))}
      </div>
      <OutcomeBoard closed={last} />
    </div>
  )
}
