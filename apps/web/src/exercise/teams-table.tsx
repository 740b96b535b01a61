import { teamRoleIds } from "@accord/domain/facts"
import { HeadRow } from "../results/table-cells.js"
import type { ExerciseState } from "./exercise-api.js"
import { roleName } from "./move-list.js"

/** Each role's team, its devices and its moves in the open round. */
export const TeamsTable = ({ exercise }: { readonly exercise: ExerciseState }) => {
  const pending = exercise.moves.filter((m) => m.status === "pending" && m.round === exercise.openRound)
  return (
    <div className="table-scroll">
      <table className="moves-table">
        <HeadRow names={["Role", "Team", "Devices", "Moves this round"]} />
        <tbody>
          {teamRoleIds.map((role) => {
            const team = exercise.teams.find((t) => t.role === role)
            return (
              <tr key={role} data-role={role}>
                <th scope="row">{roleName(role)}</th>
                <td>{team?.name ?? <em>not joined</em>}</td>
                <td>{team?.devices ?? 0}</td>
                <td>{pending.filter((m) => m.role === role).length}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
