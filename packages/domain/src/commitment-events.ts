import { Schema } from "effect"
import { CommitmentId } from "./ids.js"

/** Scenario month an event happened in (0 = the visit). */
const Month = Schema.Int.pipe(Schema.nonNegative())
/** USD millions. */
const UsdM = Schema.Number.pipe(Schema.finite(), Schema.nonNegative())

/**
 * What happens to one commitment, as events. `v` is the schema version of the
 * event type; older versions are upcast on read (see upcasters.ts).
 *
 * A stream starts with CommitmentDiscussed (on the agenda, no amount) or, for a
 * commitment put on the table at once, with CommitmentProposed. Streams written
 * before `discussed` existed start with CommitmentProposed v1 and read unchanged:
 * the change only added an event type, so no upcaster is needed.
 */
export const CommitmentDiscussed = Schema.TaggedStruct("CommitmentDiscussed", {
  v: Schema.Literal(1),
  month: Month,
  commitment: CommitmentId,
})

/** An amount is put on the table: a new stream, or a discussed commitment moving on. */
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
  CommitmentDiscussed,
  CommitmentProposed,
  CommitmentAgreed,
  CommitmentProgressed,
  CommitmentImplemented,
  CommitmentStalled,
  CommitmentResumed,
  CommitmentWithdrawn,
).annotations({ identifier: "CommitmentEvent" })
export type CommitmentEvent = typeof CommitmentEvent.Type
