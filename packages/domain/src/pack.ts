import { Schema } from "effect"
import { Commitment, CommitmentKind, FactRef } from "./commitment.js"
import { interventionTypeIds } from "./facts/interventions.js"
import { PackId, ParameterId } from "./ids.js"

/**
 * One number of the model. Sourced numbers cite facts; the rest are labelled
 * `assumption` with a rationale. Every run draws the value from a triangular
 * distribution over low/mode/high (a point value has low = mode = high).
 */
export const Parameter = Schema.Struct({
  id: ParameterId,
  label: Schema.String,
  unit: Schema.String,
  low: Schema.Number.pipe(Schema.finite()),
  mode: Schema.Number.pipe(Schema.finite()),
  high: Schema.Number.pipe(Schema.finite()),
  /** Admissible values for a user's override. */
  min: Schema.Number.pipe(Schema.finite()),
  max: Schema.Number.pipe(Schema.finite()),
  basis: Schema.Literal("fact", "assumption"),
  rationale: Schema.String.pipe(Schema.minLength(10)),
  facts: Schema.Array(FactRef),
})
  .pipe(
    Schema.filter(
      (p) =>
        (p.min <= p.low && p.low <= p.mode && p.mode <= p.high && p.high <= p.max) ||
        "expected min ≤ low ≤ mode ≤ high ≤ max",
    ),
    Schema.filter(
      (p) =>
        p.basis === "assumption" ||
        p.facts.length > 0 ||
        "a parameter based on fact must cite at least one fact",
    ),
  )
  .annotations({ identifier: "Parameter" })
export type Parameter = typeof Parameter.Type

/** Monthly hazards of one commitment kind, each naming the parameter that holds its value. */
export const Hazards = Schema.Struct({
  kind: CommitmentKind,
  /** P(proposed this month | discussed): an amount (or, non-monetary, a concrete proposal) is put on the table. */
  propose: ParameterId,
  /** P(dropped this month | discussed): the item leaves the agenda (withdrawn). */
  drop: ParameterId,
  /** P(agreed this month | proposed). */
  agree: ParameterId,
  /** Share of the agreed amount delivered per month while agreed (non-monetary: P(milestone this month)). */
  deliver: ParameterId,
  /** P(stalled this month | agreed). */
  stall: ParameterId,
  /** P(resumed this month | stalled). */
  resume: ParameterId,
  /** P(withdrawn this month | proposed, agreed or stalled). */
  withdraw: ParameterId,
}).annotations({ identifier: "Hazards" })
export type Hazards = typeof Hazards.Type

/** An outcome the pack reports; the engine holds the formula, docs/model.md explains it. */
export const IndicatorDefinition = Schema.Struct({
  id: Schema.String.pipe(Schema.pattern(/^[a-z]+(\.[a-z0-9_]+)+$/)),
  label: Schema.String,
  unit: Schema.String,
  description: Schema.String,
}).annotations({ identifier: "IndicatorDefinition" })
export type IndicatorDefinition = typeof IndicatorDefinition.Type

/** What an intervention type means in this pack, for builders and handouts. */
export const InterventionDescription = Schema.Struct({
  type: Schema.Literal(...interventionTypeIds),
  label: Schema.String,
  description: Schema.String,
}).annotations({ identifier: "InterventionDescription" })
export type InterventionDescription = typeof InterventionDescription.Type

/** What one of Russia's counter-measures does in the classroom exercise, and what it costs Russia's team. */
export const CounterMeasureParameters = Schema.Struct({
  /** Added to the monthly evasion rate (a sanctions-evasion intervention); the exercise plays the mode. */
  evasionPerMonth: Parameter,
  /** What the move costs against Russia's round budget (USD m); the exercise charges the mode. */
  costUsdM: Parameter,
}).annotations({ identifier: "CounterMeasureParameters" })
export type CounterMeasureParameters = typeof CounterMeasureParameters.Type

/**
 * Numbers the classroom exercise plays with that the scenario model does not draw: each labelled like a
 * parameter (a fact with its source, or an assumption with a range and a rationale), shown in the model card.
 */
export const ExerciseParameters = Schema.Struct({
  counterMeasures: Schema.Struct({
    evasion: CounterMeasureParameters,
    rerouting: CounterMeasureParameters,
  }),
}).annotations({ identifier: "ExerciseParameters" })
export type ExerciseParameters = typeof ExerciseParameters.Type

export const Pack = Schema.Struct({
  id: PackId,
  title: Schema.String,
  summary: Schema.String,
  /** Calendar month of scenario month 0, "YYYY-MM". */
  startMonth: Schema.String.pipe(Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])$/)),
  /** First and last day of the visit, "YYYY-MM-DD": facts after `to` are observations, not starting points. */
  visit: Schema.Struct({
    from: Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}$/)),
    to: Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}$/)),
  }),
  article: Schema.Struct({ title: Schema.String, note: Schema.String }),
  commitments: Schema.NonEmptyArray(Commitment),
  parameters: Schema.NonEmptyArray(Parameter),
  hazards: Schema.NonEmptyArray(Hazards),
  indicators: Schema.NonEmptyArray(IndicatorDefinition),
  interventions: Schema.Array(InterventionDescription),
  /** The classroom exercise's own numbers (a pack without them offers no counter-measures). */
  exercise: Schema.optional(ExerciseParameters),
}).annotations({ identifier: "Pack" })
export type Pack = typeof Pack.Type
export type PackInput = typeof Pack.Encoded
