import { Schema } from "effect"
import { ParameterId, RunId, ScenarioId } from "./ids.js"
import { AssumptionOverride, HorizonMonths, Intervention, Runs, ScenarioSpec, Seed } from "./scenario-spec.js"

/** Scenario name as users see it. */
export const ScenarioName = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)).annotations({
  identifier: "ScenarioName",
})

/** The assumption overrides of a scenario, by parameter id. */
export const Assumptions = Schema.Record({ key: ParameterId, value: AssumptionOverride }).annotations({
  identifier: "Assumptions",
})
export type Assumptions = typeof Assumptions.Type

/** The scenario a branch started from, and at which of its versions. */
export const ScenarioParent = Schema.Struct({
  scenarioId: ScenarioId,
  version: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "ScenarioParent" })
export type ScenarioParent = typeof ScenarioParent.Type

/** SHA-256 hex of a canonical report body. */
export const ReportHash = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/)).annotations({
  identifier: "ReportHash",
})

/** The spec's own run count, under the name the events use. */
export const RunCount = Runs

/**
 * The events of one scenario stream (stream id = scenario id). `v` is the
 * schema version of each event type; stored events of older versions are
 * lifted by the upcasters (upcasters.ts) before they are decoded here.
 */
export const ScenarioCreated = Schema.TaggedStruct("ScenarioCreated", {
  v: Schema.Literal(1),
  scenarioId: ScenarioId,
  name: ScenarioName,
  /** The full spec, defaults filled, as it stood at creation. */
  spec: ScenarioSpec,
  /** Set when the scenario is a branch of another one. */
  parent: Schema.optional(ScenarioParent),
}).annotations({ identifier: "ScenarioCreated" })
export type ScenarioCreated = typeof ScenarioCreated.Type

/** v2: aid packages carry `amountUsdM` (USD millions); v1 carried `amountUsd` in dollars. */
export const InterventionAdded = Schema.TaggedStruct("InterventionAdded", {
  v: Schema.Literal(2),
  intervention: Intervention,
}).annotations({ identifier: "InterventionAdded" })
export type InterventionAdded = typeof InterventionAdded.Type

export const InterventionRemoved = Schema.TaggedStruct("InterventionRemoved", {
  v: Schema.Literal(1),
  /** Position in the spec's intervention list at the time of removal. */
  index: Schema.Int.pipe(Schema.nonNegative()),
}).annotations({ identifier: "InterventionRemoved" })
export type InterventionRemoved = typeof InterventionRemoved.Type

/** Replaces the scenario's assumption overrides as a whole (an empty record clears them). */
export const AssumptionsChanged = Schema.TaggedStruct("AssumptionsChanged", {
  v: Schema.Literal(1),
  assumptions: Assumptions,
}).annotations({ identifier: "AssumptionsChanged" })
export type AssumptionsChanged = typeof AssumptionsChanged.Type

/** Only the settings present changed. */
export const SettingsChanged = Schema.TaggedStruct("SettingsChanged", {
  v: Schema.Literal(1),
  name: Schema.optional(ScenarioName),
  horizonMonths: Schema.optional(HorizonMonths),
  runs: Schema.optional(RunCount),
  seed: Schema.optional(Seed),
}).annotations({ identifier: "SettingsChanged" })
export type SettingsChanged = typeof SettingsChanged.Type

/** Recorded in the parent's stream when a branch is taken from it. */
export const ScenarioBranched = Schema.TaggedStruct("ScenarioBranched", {
  v: Schema.Literal(1),
  childId: ScenarioId,
  atVersion: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "ScenarioBranched" })
export type ScenarioBranched = typeof ScenarioBranched.Type

/** A run of the scenario finished; its report is addressable by `runId` and `reportHash`. */
export const RunCompleted = Schema.TaggedStruct("RunCompleted", {
  v: Schema.Literal(1),
  runId: RunId,
  reportHash: ReportHash,
  runs: RunCount,
  seed: Seed,
}).annotations({ identifier: "RunCompleted" })
export type RunCompleted = typeof RunCompleted.Type

export const ScenarioEvent = Schema.Union(
  ScenarioCreated,
  InterventionAdded,
  InterventionRemoved,
  AssumptionsChanged,
  SettingsChanged,
  ScenarioBranched,
  RunCompleted,
).annotations({ identifier: "ScenarioEvent" })
export type ScenarioEvent = typeof ScenarioEvent.Type
export type ScenarioEventType = ScenarioEvent["_tag"]

/** Every scenario event type, in a stable order. */
export const scenarioEventTypes: ReadonlyArray<ScenarioEventType> = [
  "ScenarioCreated",
  "InterventionAdded",
  "InterventionRemoved",
  "AssumptionsChanged",
  "SettingsChanged",
  "ScenarioBranched",
  "RunCompleted",
]
