import { useState } from "react"
import { DebriefPanel } from "./debrief-panel.js"
import { closeRound, type ExerciseState, explainError } from "./exercise-api.js"
import { FacilitatorTools } from "./facilitator-tools.js"
import { InviteTeams } from "./invite-teams.js"
import { MoveForm } from "./move-form.js"
import { MoveList } from "./move-list.js"
import { OutcomeBoard } from "./outcome-board.js"
import { ProjectorView } from "./projector-view.js"
import { ExerciseHead, ExerciseLoading, type SeatViewProps } from "./seat-view.js"
import { TeamsTable } from "./teams-table.js"
import { useExercise } from "./use-exercise.js"

interface RoundProps extends Omit<SeatViewProps, "leave"> {
  readonly state: ExerciseState
  readonly refresh: () => Promise<unknown>
}

/** The facilitator's move (an injection) and the button that closes the open round. */
const OpenRound = ({ state, session, commitments, refresh }: RoundProps) => {
  const [closing, setClosing] = useState(false)
  const [closeError, setCloseError] = useState<string | undefined>()
  if (state.openRound === null) return null
  const round = state.openRound
  const close = async () => {
    setClosing(true)
    setCloseError(undefined)
    try {
      await closeRound(state.id, session.token, round)
      await refresh()
    } catch (e) {
      setCloseError(explainError(e))
    } finally {
      setClosing(false)
    }
  }
  return (
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
          {closing ? "Closing…" : `Close round ${round}`}
        </button>
      </p>
      {closeError && <p role="alert">{closeError}</p>}
    </>
  )
}

/** The teams, the exercise id and the way to invite, then the open round's controls. */
const TeamsSection = (props: RoundProps & { readonly onInvite: () => void }) => (
  <section aria-labelledby="teams-title">
    <h3 id="teams-title">Teams</h3>
    <TeamsTable exercise={props.state} />
    <p className="hint">
      Exercise id{" "}
      <strong className="code" data-testid="exercise-id">
        {props.state.id}
      </strong>
      : teams join with their own card (code, link or QR code).
    </p>
    <p>
      <button type="button" className="secondary" onClick={props.onInvite}>
        Invite teams: codes, links and QR codes
      </button>
    </p>
    <OpenRound {...props} />
  </section>
)

const roundStatus = (state: ExerciseState) =>
  state.openRound === null
    ? `All ${state.rounds} rounds played (month ${state.month})`
    : `Round ${state.openRound} of ${state.rounds} open · month ${state.month} → ${state.openRound * state.roundMonths}`

/** The facilitator's dashboard: teams, round status, injections, close round, invitations, projector view, debrief. */
export const FacilitatorDashboard = ({ session, commitments, leave }: SeatViewProps) => {
  const { state, error, live, refresh } = useExercise(session)
  const [screen, setScreen] = useState<"dashboard" | "projector" | "invite">("dashboard")
  if (state === undefined) return <ExerciseLoading error={error} />
  const last = state.closedRounds.at(-1)
  const back = () => setScreen("dashboard")
  if (screen === "invite") return <InviteTeams id={state.id} token={session.token} onBack={back} />
  if (screen === "projector" && last) return <ProjectorView exercise={state} onBack={back} />
  return (
    <div className="exercise-layout">
      <ExerciseHead
        title={state.name}
        status={roundStatus(state)}
        live={live}
        exercise={state}
        token={session.token}
        onRefresh={() => void refresh()}
      />
      <div className="exercise-columns">
        <TeamsSection
          state={state}
          session={session}
          commitments={commitments}
          refresh={refresh}
          onInvite={() => setScreen("invite")}
        />
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
          <OutcomeBoard closed={last} />
          <DebriefPanel id={state.id} token={session.token} />
        </>
      )}
      {leave}
    </div>
  )
}
