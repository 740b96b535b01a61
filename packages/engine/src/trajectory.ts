import type { Pack, ScenarioSpec } from "@accord/domain"
import { compileModel } from "./compiled-model.js"
import { RunOutOfRange } from "./engine-errors.js"
import type { TrajectoryEvent } from "./trajectory-event.js"
import { TrajectoryKernel } from "./trajectory-kernel.js"

/**
 * Replays one run alone (its random streams depend only on seed and run index)
 * and returns its events in order: the parameters it drew, interventions,
 * commitment lifecycle events and consultations.
 */
export const trajectory = (
  pack: Pack,
  spec: ScenarioSpec,
  runIndex: number,
): ReadonlyArray<TrajectoryEvent> => {
  const model = compileModel(pack, spec)
  if (!(Number.isInteger(runIndex) && runIndex >= 0 && runIndex < model.runs)) {
    throw new RunOutOfRange({
      message: `run ${runIndex} is not in 0..${model.runs - 1}`,
      issues: [{ path: "runIndex", message: `expected an integer in 0..${model.runs - 1}` }],
    })
  }
  const events: Array<TrajectoryEvent> = []
  const kernel = new TrajectoryKernel(model, runIndex, runIndex + 1, events)
  for (let m = 0; m < model.months; m++) kernel.advance()
  return events
}
