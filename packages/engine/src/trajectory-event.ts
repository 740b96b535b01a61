import { CommitmentEvent, CommitmentId, Intervention } from "@accord/domain"
import { Schema } from "effect"

const Month = Schema.Int.pipe(Schema.nonNegative())

/** The uncertain parameters one run drew (month 0), so a timeline can say what the run assumed. */
export const RunParametersDrawn = Schema.TaggedStruct("RunParametersDrawn", {
  month: Month,
  run: Schema.Int,
  values: Schema.Record({ key: Schema.String, value: Schema.Number }),
})

/**
 * An intervention of the spec took effect; `commitment` is the commitment it created or acts on (absent for
 * sanctions evasion, which acts on the evasion rate of every sanctions package in force, and for a grid strike,
 * which acts on net energy capacity).
 */
export const InterventionApplied = Schema.TaggedStruct("InterventionApplied", {
  month: Month,
  index: Schema.Int,
  intervention: Intervention,
  commitment: Schema.optional(CommitmentId),
})

/** A round of the regular defense consultations was held. */
export const ConsultationHeld = Schema.TaggedStruct("ConsultationHeld", {
  month: Month,
  commitment: CommitmentId,
})

/** What happens in one run: commitment lifecycle events plus intervention and consultation events. */
export const TrajectoryEvent = Schema.Union(
  CommitmentEvent,
  RunParametersDrawn,
  InterventionApplied,
  ConsultationHeld,
).annotations({ identifier: "TrajectoryEvent" })
export type TrajectoryEvent = typeof TrajectoryEvent.Type
