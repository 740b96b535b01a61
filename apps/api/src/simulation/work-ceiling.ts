import { addedCommitmentTracks, type Pack, type ScenarioSpec } from "@accord/domain"
import { Effect } from "effect"
import { WorkCeilingExceeded } from "../http/api-error.js"

/** Interventions that enter a trajectory as a new commitment (the rest act on existing ones). */
const addsCommitment = (type: keyof typeof addedCommitmentTracks) => addedCommitmentTracks[type] !== undefined

/** What a simulation costs, in commitment-months: runs × months × commitments. */
export const workOf = (pack: Pack, spec: ScenarioSpec): number =>
  spec.runs *
  (spec.horizonMonths + 1) *
  (pack.commitments.length + spec.interventions.filter((i) => addsCommitment(i.type)).length)

/** Refuses a simulation above the ceiling, saying what the ceiling is and what the request would cost. */
export const checkWorkCeiling = (
  pack: Pack,
  spec: ScenarioSpec,
  limit: number,
  path = "runs",
): Effect.Effect<number, WorkCeilingExceeded> => {
  const work = workOf(pack, spec)
  if (work <= limit) return Effect.succeed(work)
  return Effect.fail(
    new WorkCeilingExceeded({
      message: `this simulation needs ${work.toLocaleString("en-US")} commitment-months (runs × months × commitments); the limit per request is ${limit.toLocaleString("en-US")}: lower runs or horizonMonths`,
      work,
      limit,
      issues: [{ path, message: `runs × (horizonMonths + 1) × commitments = ${work} exceeds ${limit}` }],
    }),
  )
}
