import { Schema } from "effect"
import { CommitmentId } from "./ids.js"

/** Scenario month an event happened in (0 = the visit). */
const Month = Schema.Int.pipe(Schema.nonNegative())
/** USD millions. */
const UsdM = Schema.Number.pipe(Schema.finite(), Schema.nonNegative())

/**
 * What happens to one commitment, as events. `v` is the schema version of the
 * event type; older versions are upcast on read (see upcasters.ts).
 */
export const CommitmentProposed = Schema.TaggedStruct("CommitmentProposed", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
  /** Pledged amount, USD m (0 for non-monetary commitments). */
  amountUsdM: UsdM,
})

export const CommitmentAgreed = Schema.TaggedStruct("CommitmentAgreed", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
  amountUsdM: UsdM,
})

/** A tranche delivered (Kiel: disbursed) while agreed. */
export const CommitmentProgressed = Schema.TaggedStruct("CommitmentProgressed", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
  deliveredUsdM: UsdM,
})

export const CommitmentImplemented = Schema.TaggedStruct("CommitmentImplemented", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
})

export const CommitmentStalled = Schema.TaggedStruct("CommitmentStalled", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
  reason: Schema.optional(Schema.String),
})

export const CommitmentResumed = Schema.TaggedStruct("CommitmentResumed", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
})

export const CommitmentWithdrawn = Schema.TaggedStruct("CommitmentWithdrawn", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
  reason: Schema.optional(Schema.String),
})

export const CommitmentEvent = Schema.Union(
  CommitmentProposed,
  CommitmentAgreed,
  CommitmentProgressed,
  CommitmentImplemented,
  CommitmentStalled,
  CommitmentResumed,
  CommitmentWithdrawn,
).annotations({ identifier: "CommitmentEvent" })
export type CommitmentEvent = typeof CommitmentEvent.Type
