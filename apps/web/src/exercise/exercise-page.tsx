import { useEffect, useState } from "react"
import { fetchPack } from "../api.js"
import type { ExerciseSession } from "./exercise-session.js"
import { forgetSession, loadSession } from "./exercise-session.js"
import { ExerciseStart } from "./exercise-start.js"
import { FacilitatorDashboard } from "./facilitator-dashboard.js"
import type { CommitmentChoice } from "./move-form.js"
import { ObserverView } from "./observer-view.js"
import { TeamView } from "./team-view.js"
import "./exercise.css"

/** #/exercise: start or join an exercise, then the facilitator's dashboard or the team's view, by this browser's token. */
export const ExercisePage = ({
  packId,
  params,
}: {
  readonly packId: string
  readonly params: URLSearchParams
}) => {
  const exerciseId = params.get("id") ?? undefined
  const [session, setSession] = useState<ExerciseSession | undefined>(() =>
    exerciseId === undefined ? undefined : loadSession(exerciseId),
  )
  const [commitments, setCommitments] = useState<ReadonlyArray<CommitmentChoice>>([])
  useEffect(() => {
    setSession(exerciseId === undefined ? undefined : loadSession(exerciseId))
  }, [exerciseId])
  useEffect(() => {
    fetchPack(packId).then(
      (pack) =>
        setCommitments(
          pack.commitments.filter((c) => c.from === "japan").map((c) => ({ id: c.id, title: c.title })),
        ),
      () => setCommitments([]),
    )
  }, [packId])

  if (session === undefined)
    return (
      <ExerciseStart
        packId={packId}
        exerciseId={exerciseId}
        joinCode={params.get("code") ?? undefined}
        onSession={setSession}
      />
    )
  const leave = (
    <p className="hint">
      <button
        type="button"
        className="link-button"
        onClick={() => {
          forgetSession(session.id)
          setSession(undefined)
        }}
      >
        Leave this exercise on this browser
      </button>{" "}
      (your team's code brings you back)
    </p>
  )
  if (session.role === "observer")
    return (
      <>
        <ObserverView session={session} />
        {leave}
      </>
    )
  return session.role === "facilitator" ? (
    <FacilitatorDashboard session={session} commitments={commitments} leave={leave} />
  ) : (
    <TeamView session={session} commitments={commitments} leave={leave} />
  )
}
