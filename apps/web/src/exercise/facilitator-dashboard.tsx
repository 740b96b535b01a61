import { type ReactNode, useState } from "react"
import { DebriefPanel } from "./debrief-panel.js"
import { closeRound, explainError } from "./exercise-api.js"
import type { ExerciseSession } from "./exercise-session.js"
import { FacilitatorTools } from "./facilitator-tools.js"
import { InviteTeams } from "./invite-teams.js"
import { type CommitmentChoice, MoveForm } from "./move-form.js"
import { MoveList, roleName } from "./move-list.js"
import { OutcomeBoard } from "./outcome-board.js"
import { ProjectorView } from "./projector-view.js"
import { RoundClock } from "./round-clock.js"
import { useExercise } from "./use-exercise.js"

/** The facilitator's dashboard: teams, round status, injections, close round, invitations, projector view, debrief. */
export const FacilitatorDashboard = ({
  session,
  commitments,
  leave,
}: {
  readonly session: ExerciseSession
  readonly commitments: ReadonlyArray<CommitmentChoice>
  /** "Leave this exercise on this browser": on the dashboard, never on the projector. */
  readonly leave: ReactNode
}) => {
  const { state, error, live, refresh } = useExercise(session)
  const [closing, setClosing] = useState(false)
  const [closeError, setCloseError] = useState<string | undefined>()
  const [screen, setScreen] = useState<"dashboard" | "projector" | "invite">("dashboard")
  const projector = screen === "projector"
  if (state === undefined) return <p aria-live="polite">{error ?? "Loading the exercise…"}</p>
  const last = state.closedRounds.at(-1)
  const pending = state.moves.filter((m) => m.status === "pending" && m.round === state.openRound)

  const close = async () => {
    if (state.openRound === null) return
    setClosing(true)
    setCloseError(undefined)
    try {
      await closeRound(state.id, session.token, state.openRound)
      await refresh()
    } catch (e) {
      setCloseError(explainError(e))
    } finally {
      setClosing(false)
    }
  }

  if (screen === "invite")
    return <InviteTeams id={state.id} token={session.token} onBack={() => setScreen("dashboard")} />

  if (projector && last) return <ProjectorView exercise={state} onBack={() => setScreen("dashboard")} />

  return (
    <div className="exercise-layout">
      <header className="exercise-head">
        <h2>{state.name}</h2>
        <p className="round-status" data-testid="round-status">
          {state.openRound === null
            ? `All ${state.rounds} rounds played (month ${state.month})`
            : `Round ${state.openRound} of ${state.rounds} open · month ${state.month} → ${state.openRound * state.roundMonths}`}
          <span className={live ? "live-dot live" : "live-dot"} title={live ? "live" : "reconnecting"}>
            {live ? "live" : "offline"}
          </span>
        </p>
        <RoundClock exercise={state} token={session.token} onChange={() => void refresh()} />
      </header>
      <div className="exercise-columns">
        <section aria-labelledby="teams-title">
          <h3 id="teams-title">Teams</h3>
          <div className="table-scroll">
            <table className="moves-table">
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Team</th>
                  <th scope="col">Devices</th>
                  <th scope="col">Moves this round</th>
                </tr>
              </thead>
              <tbody>
                {(["japan", "ukraine", "russia"] as const).map((role) => {
                  const team = state.teams.find((t) => t.role === role)
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
          <p className="hint">
            Exercise id{" "}
            <strong className="code" data-testid="exercise-id">
              {state.id}
            </strong>
            : teams join with their own card (code, link or QR code).
          </p>
          <p>
            <button type="button" className="secondary" onClick={() => setScreen("invite")}>
              Invite teams: codes, links and QR codes
            </button>
          </p>
          {state.openRound !== null && (
            <>
              <MoveForm
                exercise={state}
                token={session.token}
                actor="facilitator"
                commitments={commitments}
                onSubmitted={() => void refresh()}
              />
              <p>
                <button type="button" onClick={close} disabled={closing}>
                  {closing ? "Closing…" : `Close round ${state.openRound}`}
                </button>
              </p>
              {closeError && <p role="alert">{closeError}</p>}
            </>
          )}
        </section>
        <section aria-labelledby="moves-title">
          <h3 id="moves-title">Moves</h3>
          <MoveList exercise={state} />
        </section>
      </div>
      <FacilitatorTools exercise={state} session={session} onChange={() => void refresh()} />
      {last && (
        <>
          <p>
            <button type="button" className="secondary" onClick={() => setScreen("projector")}>
              Projector view
            </button>
          </p>
          <OutcomeBoard
            indicators={last.outcomes.indicators}
            round={last.round}
            horizon={last.outcomes.horizonMonth}
          />
        </>
      )}
      {last && <DebriefPanel id={state.id} token={session.token} />}
      {leave}
    </div>
  )
}
