import type { ReactNode } from "react"
import type { ExerciseState } from "./exercise-api.js"
import type { ExerciseSession } from "./exercise-session.js"
import type { CommitmentChoice } from "./move-form.js"
import { RoundClock } from "./round-clock.js"

/** What the page gives the facilitator's and a team's view. */
export interface SeatViewProps {
  readonly session: ExerciseSession
  readonly commitments: ReadonlyArray<CommitmentChoice>
  /** "Leave this exercise on this browser": on the dashboard, never on the projector. */
  readonly leave: ReactNode
}

/** What a view shows until the exercise is read (or why it could not be). */
export const ExerciseLoading = ({ error }: { readonly error: string | undefined }) => (
  <p aria-live="polite">{error ?? "Loading the exercise…"}</p>
)

/** The head of every seat's view: its title, where the rounds stand, whether it is live, and the round's clock. */
export const ExerciseHead = ({
  title,
  status,
  live,
  exercise,
  token,
  onRefresh,
}: {
  readonly title: ReactNode
  readonly status: string
  readonly live: boolean
  readonly exercise: ExerciseState
  /** The facilitator's token: the clock shows its controls. */
  readonly token?: string
  readonly onRefresh: () => void
}) => (
  <header className="exercise-head">
    <h2>{title}</h2>
    <p className="round-status" data-testid="round-status">
      {status}
      <span className={live ? "live-dot live" : "live-dot"} title={live ? "live" : "reconnecting"}>
        {live ? "live" : "offline"}
      </span>
    </p>
    <RoundClock exercise={exercise} {...(token === undefined ? {} : { token })} onChange={onRefresh} />
  </header>
)
