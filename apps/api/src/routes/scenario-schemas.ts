import {
  Assumptions,
  HorizonMonths,
  Intervention,
  RunCount,
  ScenarioBranch,
  ScenarioEvent,
  ScenarioId,
  ScenarioName,
  ScenarioParent,
  ScenarioRun,
  ScenarioSpec,
  Seed,
} from "@accord/domain"
import { Schema } from "effect"

const Version = Schema.Int.pipe(Schema.greaterThanOrEqualTo(0))
/** A version in a query string. */
export const VersionParam = Schema.NumberFromString.pipe(
  Schema.int(),
  Schema.greaterThanOrEqualTo(1),
).annotations({
  description: "A stream version (1 = the creation event)",
})

/** A position in spec.interventions, in a path. */
export const InterventionIndex = Schema.NumberFromString.pipe(Schema.int(), Schema.greaterThanOrEqualTo(0))
/** The version a client last read, in a query string. */
export const ExpectedVersionParam = Schema.NumberFromString.pipe(Schema.int(), Schema.greaterThanOrEqualTo(0))

export const Created = Schema.Struct({ id: Schema.String, version: Schema.Int }).annotations({
  identifier: "ScenarioCreatedResponse",
})
export const VersionResponse = Schema.Struct({ version: Schema.Int }).annotations({
  identifier: "VersionResponse",
})

export const AddInterventionBody = Schema.Struct({
  expectedVersion: Version,
  intervention: Intervention,
}).annotations({
  identifier: "AddInterventionRequest",
})
export const BranchBody = Schema.Struct({
  atVersion: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  name: Schema.optional(ScenarioName),
}).annotations({ identifier: "BranchRequest" })
export const SettingsBody = Schema.Struct({
  expectedVersion: Version,
  name: Schema.optional(ScenarioName),
  horizonMonths: Schema.optional(HorizonMonths),
  runs: Schema.optional(RunCount),
  seed: Schema.optional(Seed),
}).annotations({ identifier: "SettingsRequest" })
export const AssumptionsBody = Schema.Struct({
  expectedVersion: Version,
  assumptions: Assumptions,
}).annotations({
  identifier: "AssumptionsRequest",
})

/** A scenario as of a version: its spec ready to run, its branches and runs. */
export const ScenarioView = Schema.Struct({
  id: Schema.String,
  version: Schema.Int,
  latestVersion: Schema.Int,
  name: Schema.String,
  spec: ScenarioSpec,
  parent: Schema.optional(ScenarioParent),
  branches: Schema.Array(ScenarioBranch),
  runs: Schema.Array(ScenarioRun),
}).annotations({ identifier: "Scenario" })

export const ScenarioEventEntry = Schema.Struct({
  version: Schema.Int,
  type: Schema.String,
  v: Schema.Int,
  recordedAt: Schema.String,
  data: ScenarioEvent,
}).annotations({ identifier: "ScenarioEventEntry" })

/** The {id} of /api/scenarios/{id}/…. */
export const scenarioIdParam = { id: { description: "Scenario id", schema: ScenarioId } }
