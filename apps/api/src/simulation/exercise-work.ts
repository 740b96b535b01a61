import { type ActiveExercise, type Pack, playedSpec } from "@accord/domain"
import type { Effect } from "effect"
import type { WorkCeilingExceeded } from "../http/api-error.js"
import { checkWorkCeiling } from "./work-ceiling.js"

/**
 * Refuses an exercise computation above the ceiling, answering its work otherwise: `simulations`
 * runs of the exercise as played (a round close runs three: as played, baseline, no moves; a debrief
 * runs debriefSimulations: the baseline and every coalition of moves its Shapley values need).
 */
export const checkExerciseWork = (
  pack: Pack,
  state: ActiveExercise,
  simulations: number,
  limit: number,
): Effect.Effect<number, WorkCeilingExceeded> => {
  const spec = playedSpec(state, { closingOpenRound: true })
  return checkWorkCeiling(pack, { ...spec, runs: spec.runs * simulations }, limit, "runs")
}
