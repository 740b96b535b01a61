import type { ActiveExercise, Pack, RoundOutcomes } from "@accord/domain"
import {
  type Debrief,
  debriefSimulations,
  exerciseDebrief,
  modelInfo,
  projectRoundOutcomes,
} from "@accord/engine"
import { Effect } from "effect"
import { makeLruCache } from "../cache/lru-cache.js"
import { checkExerciseWork } from "./exercise-work.js"
import { engineCall, type InPool } from "./in-pool.js"
import type { SimulationTask } from "./simulation-worker.js"

interface ExerciseContext {
  readonly inPool: InPool
  readonly workCeiling: number
  readonly workerThreshold: number
  readonly cachedResults: number
}

/** A round close's projection and debriefs: in the pool when large, cached by the exercise's version. */
export const exerciseComputations = (context: ExerciseContext) => {
  // An exercise's state at a version never changes (ids are random, versions only grow), so the
  // version names the result: a debrief asked for by several screens is computed once.
  const results = makeLruCache<RoundOutcomes | Debrief>(context.cachedResults)
  const exerciseTask = <A extends RoundOutcomes | Debrief>(
    pack: Pack,
    key: string,
    simulations: number,
    state: ActiveExercise,
    task: SimulationTask,
    inPlace: () => A,
  ) =>
    Effect.gen(function* () {
      const work = yield* checkExerciseWork(pack, state, simulations, context.workCeiling)
      const compute = work > context.workerThreshold ? context.inPool<A>(task) : engineCall(inPlace)
      const cacheKey = `${modelInfo.version}:${state.exerciseId}:${state.version}:${key}`
      return (yield* results.throughEffect(cacheKey, compute)) as A
    })
  return {
    projectRound: (pack: Pack, state: ActiveExercise) =>
      exerciseTask(pack, `close-${state.openRound}`, 3, state, { kind: "round-outcomes", state }, () =>
        projectRoundOutcomes(pack, state),
      ),
    debrief: (pack: Pack, state: ActiveExercise, round: number | undefined) =>
      exerciseTask(
        pack,
        `debrief-${round ?? "all"}`,
        debriefSimulations(state, round),
        state,
        { kind: "debrief", state, round },
        () => exerciseDebrief(pack, state, round),
      ),
  }
}
