import { Schema } from "effect"
import { CommitmentId } from "./ids.js"

const Month = Schema.Int.pipe(Schema.nonNegative())
const UsdM = Schema.Number.pipe(Schema.finite(), Schema.nonNegative())

/**
 * What can be asked of one commitment stream. Each carries the scenario month it
 * happens in; the lifecycle machine decides whether it is allowed.
 */
/** Puts a commitment on the agenda with no amount: it starts a stream in `discussed`. */
export const DiscussCommitment = Schema.TaggedStruct("DiscussCommitment", {
  commitment: CommitmentId,
  month: Month,
}).annotations({ identifier: "DiscussCommitment" })
export type DiscussCommitment = typeof DiscussCommitment.Type

/** Puts an amount on the table: starts a stream in `proposed`, or moves a discussed one on. */
export const ProposeCommitment = Schema.TaggedStruct("ProposeCommitment", {
  commitment: CommitmentId,
  month: Month,
  /** Pledged amount, USD m (0 for non-monetary commitments). */
  amountUsdM: UsdM,
}).annotations({ identifier: "ProposeCommitment" })
export type ProposeCommitment = typeof ProposeCommitment.Type

export const AgreeCommitment = Schema.TaggedStruct("AgreeCommitment", {
  commitment: CommitmentId,
  month: Month,
  /** Agreed amount, at most the pledge; defaults to the whole pledge. */
  amountUsdM: Schema.optional(UsdM),
}).annotations({ identifier: "AgreeCommitment" })
export type AgreeCommitment = typeof AgreeCommitment.Type

export const DeliverTranche = Schema.TaggedStruct("DeliverTranche", {
  commitment: CommitmentId,
  month: Month,
  amountUsdM: UsdM,
}).annotations({ identifier: "DeliverTranche" })
export type DeliverTranche = typeof DeliverTranche.Type

export const CompleteCommitment = Schema.TaggedStruct("CompleteCommitment", {
  commitment: CommitmentId,
  month: Month,
}).annotations({ identifier: "CompleteCommitment" })
export type CompleteCommitment = typeof CompleteCommitment.Type

export const StallCommitment = Schema.TaggedStruct("StallCommitment", {
  commitment: CommitmentId,
  month: Month,
  reason: Schema.optional(Schema.String),
}).annotations({ identifier: "StallCommitment" })
export type StallCommitment = typeof StallCommitment.Type

export const ResumeCommitment = Schema.TaggedStruct("ResumeCommitment", {
  commitment: CommitmentId,
  month: Month,
}).annotations({ identifier: "ResumeCommitment" })
export type ResumeCommitment = typeof ResumeCommitment.Type

export const WithdrawCommitment = Schema.TaggedStruct("WithdrawCommitment", {
  commitment: CommitmentId,
  month: Month,
  reason: Schema.optional(Schema.String),
}).annotations({ identifier: "WithdrawCommitment" })
export type WithdrawCommitment = typeof WithdrawCommitment.Type

export const CommitmentCommand = Schema.Union(
  DiscussCommitment,
  ProposeCommitment,
  AgreeCommitment,
  DeliverTranche,
  CompleteCommitment,
  StallCommitment,
  ResumeCommitment,
  WithdrawCommitment,
).annotations({ identifier: "CommitmentCommand" })
export type CommitmentCommand = typeof CommitmentCommand.Type
