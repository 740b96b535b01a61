import { Schema } from "effect"
import { RunId, ScenarioId } from "./ids.js"
import { Assumptions, ReportHash, RunCount, ScenarioName, ScenarioParent } from "./scenario-events.js"
import { HorizonMonths, Intervention, ScenarioSpec, Seed } from "./scenario-spec.js"

/**
 * What users ask of a scenario stream. Each command names its stream
 * (`scenarioId`) and carries everything the decision needs; optimistic
 * concurrency (the expected version) is the event store's business.
 */
export const CreateScenario = Schema.TaggedStruct("CreateScenario", {
  scenarioId: ScenarioId,
  /** Defaults to the spec's name, then to "Untitled scenario". */
  name: Schema.optional(ScenarioName),
  spec: ScenarioSpec,
  parent: Schema.optional(ScenarioParent),
}).annotations({ identifier: "CreateScenario" })
export type CreateScenario = typeof CreateScenario.Type

export const AddIntervention = Schema.TaggedStruct("AddIntervention", {
  scenarioId: ScenarioId,
  intervention: Intervention,
}).annotations({ identifier: "AddIntervention" })
export type AddIntervention = typeof AddIntervention.Type

export const RemoveIntervention = Schema.TaggedStruct("RemoveIntervention", {
  scenarioId: ScenarioId,
  index: Schema.Int.pipe(Schema.nonNegative()),
}).annotations({ identifier: "RemoveIntervention" })
export type RemoveIntervention = typeof RemoveIntervention.Type

export const ChangeAssumptions = Schema.TaggedStruct("ChangeAssumptions", {
  scenarioId: ScenarioId,
  assumptions: Assumptions,
}).annotations({ identifier: "ChangeAssumptions" })
export type ChangeAssumptions = typeof ChangeAssumptions.Type

export const ChangeSettings = Schema.TaggedStruct("ChangeSettings", {
  scenarioId: ScenarioId,
  name: Schema.optional(ScenarioName),
  horizonMonths: Schema.optional(HorizonMonths),
  runs: Schema.optional(RunCount),
  seed: Schema.optional(Seed),
}).annotations({ identifier: "ChangeSettings" })
export type ChangeSettings = typeof ChangeSettings.Type

/** Sent to the parent: records that `childId` branches from its current version. */
export const BranchScenario = Schema.TaggedStruct("BranchScenario", {
  scenarioId: ScenarioId,
  childId: ScenarioId,
}).annotations({ identifier: "BranchScenario" })
export type BranchScenario = typeof BranchScenario.Type

export const RecordRun = Schema.TaggedStruct("RecordRun", {
  scenarioId: ScenarioId,
  runId: RunId,
  reportHash: ReportHash,
  runs: RunCount,
  seed: Seed,
}).annotations({ identifier: "RecordRun" })
export type RecordRun = typeof RecordRun.Type

export const ScenarioCommand = Schema.Union(
  CreateScenario,
  AddIntervention,
  RemoveIntervention,
  ChangeAssumptions,
  ChangeSettings,
  BranchScenario,
  RecordRun,
).annotations({ identifier: "ScenarioCommand" })
export type ScenarioCommand = typeof ScenarioCommand.Type
