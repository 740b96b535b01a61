import { Schema } from "effect"
import { LifecycleState } from "./commitment.js"
import { CommitmentId } from "./ids.js"

/** The lifecycle machine refuses this command in the commitment's current state (or a guard fails). */
export class TransitionNotAllowed extends Schema.TaggedError<TransitionNotAllowed>()("TransitionNotAllowed", {
  message: Schema.String,
  commitment: CommitmentId,
  /** The state the commitment is in. */
  from: LifecycleState,
  /** The refused command's tag. */
  command: Schema.String,
}) {}

/** A command for a commitment that has not been proposed on this stream. */
export class UnknownCommitment extends Schema.TaggedError<UnknownCommitment>()("UnknownCommitment", {
  message: Schema.String,
  commitment: CommitmentId,
}) {}

/** A proposal for a commitment the stream already holds. */
export class CommitmentAlreadyProposed extends Schema.TaggedError<CommitmentAlreadyProposed>()(
  "CommitmentAlreadyProposed",
  { message: Schema.String, commitment: CommitmentId },
) {}
