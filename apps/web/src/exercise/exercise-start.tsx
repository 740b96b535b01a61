import { useState } from "react"
import type { ExerciseSession } from "./exercise-session.js"
import { FacilitatorReturn } from "./facilitator-return.js"
import { JoinForm } from "./join-form.js"
import { ReturnList } from "./return-list.js"
import { facilitate, StartForm } from "./start-form.js"
import { TemplateStart } from "./start-options.js"

/**
 * The Classroom page: back to an exercise this browser joined, join a team's
 * seat with its code (any device, any number of times), start an exercise,
 * or return as facilitator with the facilitator's key.
 */
export const ExerciseStart = ({
  packId,
  exerciseId,
  joinCode,
  onSession,
}: {
  readonly packId: string
  readonly exerciseId?: string | undefined
  readonly joinCode?: string | undefined
  readonly onSession: (session: ExerciseSession) => void
}) => {
  const [error, setError] = useState<string | undefined>()
  return (
    <div className="exercise-start">
      <h2>Classroom exercise</h2>
      <p className="lead">
        Teams play Japan, Ukraine and Russia in rounds; the facilitator closes each round and the model
        projects where the moves lead.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ReturnList onSession={onSession} />
      <div className="exercise-columns">
        <JoinForm exerciseId={exerciseId} joinCode={joinCode} onSession={onSession} onError={setError} />
        {exerciseId === undefined && <StartForm packId={packId} onSession={onSession} onError={setError} />}
        {exerciseId === undefined && (
          <TemplateStart onCreated={(created) => facilitate(created, onSession)} />
        )}
      </div>
      <FacilitatorReturn exerciseId={exerciseId} onSession={onSession} onError={setError} />
    </div>
  )
}
