import { roleName } from "@accord/domain/facts"
import { HeadRow } from "../results/table-cells.js"
import type { ExerciseState } from "./exercise-api.js"

export { roleName }

/** Every move the viewer may see, newest round first; others' pending moves show only as "a move was made". */
export const MoveList = ({ exercise }: { readonly exercise: ExerciseState }) => {
  const rounds = [...new Set(exercise.moves.map((m) => m.round))].sort((a, b) => b - a)
  if (rounds.length === 0) return <p className="hint">No moves yet.</p>
  return (
    <div className="move-list">
      {rounds.map((round) => (
        <div key={round} className="table-scroll">
          <table className="moves-table">
            <caption>
              Round {round}
              {round === exercise.openRound ? " (open)" : ""}
            </caption>
            <HeadRow names={["Who", "Move", "Status"]} />
            <tbody>
              {exercise.moves
                .filter((m) => m.round === round)
                .map((m, i) =>
                  m.hidden ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: moves only ever append, and a hidden move has no id to show
                    <tr key={`hidden-${i}`} className="move-hidden">
                      <td>{roleName(m.role)}</td>
                      <td>
                        <em>a move, revealed when the round closes</em>
                      </td>
                      <td>pending</td>
                    </tr>
                  ) : (
                    <tr key={`${m.teamId}/${m.moveId}`} data-move-id={m.moveId}>
                      <td>{roleName(m.role)}</td>
                      <td>{m.description}</td>
                      <td>
                        {m.status}
                        {m.reason ? `: ${m.reason}` : ""}
                      </td>
                    </tr>
                  ),
                )}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  )
}
