import { Schema } from "effect"
import { ScenarioId } from "./ids.js"

/** The command needs a scenario that has not been created (an empty stream). */
export class ScenarioNotFound extends Schema.TaggedError<ScenarioNotFound>()("ScenarioNotFound", {
  message: Schema.String,
  scenarioId: ScenarioId,
}) {}

/** A scenario (or a branch) with this id exists already. */
export class ScenarioAlreadyExists extends Schema.TaggedError<ScenarioAlreadyExists>()(
  "ScenarioAlreadyExists",
  { message: Schema.String, scenarioId: ScenarioId },
) {}

/** No intervention at this position of the scenario's list. */
export class InterventionNotFound extends Schema.TaggedError<InterventionNotFound>()("InterventionNotFound", {
  message: Schema.String,
  scenarioId: ScenarioId,
  index: Schema.Int,
  count: Schema.Int,
}) {}

/** A run id recorded before with a different report. */
export class RunConflict extends Schema.TaggedError<RunConflict>()("RunConflict", {
  message: Schema.String,
  scenarioId: ScenarioId,
  runId: Schema.String,
}) {}
