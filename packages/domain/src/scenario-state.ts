import { Schema } from "effect"
import { RunId, ScenarioId } from "./ids.js"
import { ReportHash, RunCount, ScenarioName, ScenarioParent } from "./scenario-events.js"
import { ScenarioSpec, Seed } from "./scenario-spec.js"

const Version = Schema.Int.pipe(Schema.positive())

/** A branch taken from this scenario. */
export const ScenarioBranch = Schema.Struct({
  childId: ScenarioId,
  atVersion: Version,
}).annotations({ identifier: "ScenarioBranch" })
export type ScenarioBranch = typeof ScenarioBranch.Type

/** A completed run; `atVersion` is the stream version of its RunCompleted event (it simulated the spec just before). */
export const ScenarioRun = Schema.Struct({
  runId: RunId,
  reportHash: ReportHash,
  runs: RunCount,
  seed: Seed,
  atVersion: Version,
}).annotations({ identifier: "ScenarioRun" })
export type ScenarioRun = typeof ScenarioRun.Type

/** A stream with no events yet: the scenario does not exist. */
export const EmptyScenario = Schema.TaggedStruct("EmptyScenario", {
  version: Schema.Literal(0),
}).annotations({ identifier: "EmptyScenario" })
export type EmptyScenario = typeof EmptyScenario.Type

/** A created scenario: its current spec (ready to run), its branches and its runs. */
export const ActiveScenario = Schema.TaggedStruct("ActiveScenario", {
  /** Number of events folded so far (the stream version). */
  version: Version,
  scenarioId: ScenarioId,
  name: ScenarioName,
  /** The current spec, defaults filled; `spec.name` follows `name`. */
  spec: ScenarioSpec,
  parent: Schema.optional(ScenarioParent),
  branches: Schema.Array(ScenarioBranch),
  runs: Schema.Array(ScenarioRun),
}).annotations({ identifier: "ActiveScenario" })
export type ActiveScenario = typeof ActiveScenario.Type

/** The state of a scenario stream, as the decider and the API see it. */
export const ScenarioState = Schema.Union(EmptyScenario, ActiveScenario).annotations({
  identifier: "ScenarioState",
})
export type ScenarioState = typeof ScenarioState.Type
