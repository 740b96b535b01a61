import { Schema } from "effect"

/** Kebab-case identifier shared by packs, commitments and parameters. */
const Slug = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, {
    message: () => "expected a lowercase id like 'energy-projects' (letters, digits, '-' and '.')",
  }),
  Schema.maxLength(80),
)

/** An id the service or a client makes up (a UUID, a name): any text of 1..100 characters. */
const OpaqueId = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100))

export const PackId = Slug.pipe(Schema.brand("PackId"), Schema.annotations({ identifier: "PackId" }))
export type PackId = typeof PackId.Type

export const CommitmentId = Slug.pipe(
  Schema.brand("CommitmentId"),
  Schema.annotations({ identifier: "CommitmentId" }),
)
export type CommitmentId = typeof CommitmentId.Type

export const ParameterId = Slug.pipe(
  Schema.brand("ParameterId"),
  Schema.annotations({ identifier: "ParameterId" }),
)
export type ParameterId = typeof ParameterId.Type

export const ScenarioId = OpaqueId.pipe(
  Schema.brand("ScenarioId"),
  Schema.annotations({ identifier: "ScenarioId" }),
)
export type ScenarioId = typeof ScenarioId.Type

export const EventId = OpaqueId.pipe(Schema.brand("EventId"), Schema.annotations({ identifier: "EventId" }))
export type EventId = typeof EventId.Type

export const RunId = OpaqueId.pipe(Schema.brand("RunId"), Schema.annotations({ identifier: "RunId" }))
export type RunId = typeof RunId.Type
