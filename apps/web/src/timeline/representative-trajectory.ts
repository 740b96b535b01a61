import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { trajectory } from "@accord/engine"
import type { SpecInput } from "../api.js"
import type { TrajectoryEvent } from "./board-replay.js"

/**
 * Replays one run of a spec with the engine's own pure `trajectory` (the run's
 * random streams depend only on seed and run index, so this is the run the
 * API's report picked). The API has no trajectory route; this module is a lazy
 * chunk that only the timeline loads.
 */
export const representativeTrajectory = (
  spec: SpecInput,
  runIndex: number,
): ReadonlyArray<TrajectoryEvent> => {
  const pack = getPack(spec.pack)
  if (!pack) throw new Error(`unknown pack '${spec.pack}'`)
  const decoded = decodeScenarioSpec(spec, packCatalog)
  if (decoded._tag === "Left") throw new Error(decoded.left.message)
  return trajectory(pack, decoded.right, runIndex) as ReadonlyArray<TrajectoryEvent>
}
