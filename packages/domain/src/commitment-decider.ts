import { Either } from "effect"
import type { LifecycleState } from "./commitment.js"
import type { CommitmentCommand } from "./commitment-commands.js"
import { CommitmentAlreadyProposed, TransitionNotAllowed, UnknownCommitment } from "./commitment-errors.js"
import type { CommitmentEvent } from "./commitment-events.js"
import type { Decider } from "./decider.js"
import type { CommitmentId } from "./ids.js"
import { isFinalState, type LifecycleEvent, lifecycleMachine } from "./lifecycle.js"
import { type InvalidInput, invalidAt } from "./validation-issue.js"

/** A commitment stream before it is discussed or proposed. */
export interface NoCommitment {
  readonly _tag: "NoCommitment"
}

/** A commitment on record (discussed or later): where it stands in its lifecycle and what moved (USD m). */
export interface TrackedCommitment {
  readonly _tag: "TrackedCommitment"
  readonly commitment: CommitmentId
  readonly status: LifecycleState
  readonly pledgedUsdM: number
  readonly agreedUsdM: number
  readonly deliveredUsdM: number
  /** Month of the latest event; later commands may not go back in time. */
  readonly month: number
}

export type CommitmentState = NoCommitment | TrackedCommitment

/** Every way a commitment command can be refused. */
export type CommitmentError =
  | TransitionNotAllowed
  | UnknownCommitment
  | CommitmentAlreadyProposed
  | InvalidInput

export type CommitmentDecider = Decider<CommitmentState, CommitmentCommand, CommitmentEvent, CommitmentError>

/** The state of a commitment stream with no events. */
export const initialCommitmentState: CommitmentState = { _tag: "NoCommitment" }

/** Applies one event to a commitment's state. */
export const evolveCommitment = (state: CommitmentState, event: CommitmentEvent): CommitmentState => {
  if (event._tag === "CommitmentDiscussed") {
    return {
      _tag: "TrackedCommitment",
      commitment: event.commitment,
      status: "discussed",
      pledgedUsdM: 0,
      agreedUsdM: 0,
      deliveredUsdM: 0,
      month: event.month,
    }
  }
  if (event._tag === "CommitmentProposed") {
    // A new stream, or a discussed commitment on which an amount is now put (the stream's id stays).
    return {
      _tag: "TrackedCommitment",
      commitment: state._tag === "TrackedCommitment" ? state.commitment : event.commitment,
      status: "proposed",
      pledgedUsdM: event.amountUsdM,
      agreedUsdM: 0,
      deliveredUsdM: 0,
      month: event.month,
    }
  }
  // Only a discussion or a proposal starts a stream; anything else on an empty one cannot come from the decider.
  if (state._tag === "NoCommitment") return state
  const month = event.month
  switch (event._tag) {
    case "CommitmentAgreed":
      return { ...state, status: "agreed", agreedUsdM: event.amountUsdM, month }
    case "CommitmentProgressed":
      return { ...state, deliveredUsdM: state.deliveredUsdM + event.deliveredUsdM, month }
    case "CommitmentImplemented":
      return { ...state, status: "implemented", month }
    case "CommitmentStalled":
      return { ...state, status: "stalled", month }
    case "CommitmentResumed":
      return { ...state, status: "agreed", month }
    case "CommitmentWithdrawn":
      return { ...state, status: "withdrawn", month }
  }
}

/** Decides a commitment command; the lifecycle machine (with its guards) says which are allowed. */
export const decideCommitment = (
  command: CommitmentCommand,
  state: CommitmentState,
): Either.Either<ReadonlyArray<CommitmentEvent>, CommitmentError> => {
  if (state._tag === "NoCommitment") {
    if (command._tag === "DiscussCommitment")
      return Either.right([
        { _tag: "CommitmentDiscussed", v: 1, month: command.month, commitment: command.commitment },
      ])
    if (command._tag === "ProposeCommitment") return Either.right([proposal(command)])
    return Either.left(
      new UnknownCommitment({
        message: `commitment '${command.commitment}' has not been discussed or proposed`,
        commitment: command.commitment,
      }),
    )
  }
  // Proposing is a lifecycle step only from `discussed`; otherwise the stream holds a proposal already.
  if (
    command._tag === "DiscussCommitment" ||
    (command._tag === "ProposeCommitment" && state.status !== "discussed")
  ) {
    return Either.left(
      new CommitmentAlreadyProposed({
        message: `commitment '${state.commitment}' is on record already (it is ${state.status})`,
        commitment: command.commitment,
      }),
    )
  }
  if (command.commitment !== state.commitment) {
    return Either.left(
      invalidAt(
        "commitment",
        `this stream holds commitment '${state.commitment}', not '${command.commitment}'`,
      ),
    )
  }
  if (command.month < state.month) {
    return Either.left(
      invalidAt("month", `month ${command.month} is before the latest event's month ${state.month}`),
    )
  }
  if (
    command._tag === "AgreeCommitment" &&
    command.amountUsdM !== undefined &&
    command.amountUsdM > state.pledgedUsdM
  ) {
    return Either.left(
      invalidAt(
        "amountUsdM",
        `the agreed amount ${command.amountUsdM} exceeds the pledge ${state.pledgedUsdM} (USD m)`,
      ),
    )
  }
  const event = lifecycleEventOf(command, state)
  const snapshot = lifecycleMachine.resolveState({
    value: state.status,
    context: { agreedUsdM: state.agreedUsdM, deliveredUsdM: state.deliveredUsdM },
  })
  if (!snapshot.can(event)) return Either.left(refusal(command, state))
  const { commitment, month } = command
  switch (command._tag) {
    case "ProposeCommitment":
      return Either.right([proposal(command)])
    case "AgreeCommitment":
      return Either.right([
        {
          _tag: "CommitmentAgreed",
          v: 1,
          month,
          commitment,
          amountUsdM: command.amountUsdM ?? state.pledgedUsdM,
        },
      ])
    case "DeliverTranche":
      return Either.right([
        { _tag: "CommitmentProgressed", v: 1, month, commitment, deliveredUsdM: command.amountUsdM },
      ])
    case "CompleteCommitment":
      return Either.right([{ _tag: "CommitmentImplemented", v: 1, month, commitment }])
    case "StallCommitment":
      return Either.right([
        {
          _tag: "CommitmentStalled",
          v: 1,
          month,
          commitment,
          ...(command.reason === undefined ? {} : { reason: command.reason }),
        },
      ])
    case "ResumeCommitment":
      return Either.right([{ _tag: "CommitmentResumed", v: 1, month, commitment }])
    case "WithdrawCommitment":
      return Either.right([
        {
          _tag: "CommitmentWithdrawn",
          v: 1,
          month,
          commitment,
          ...(command.reason === undefined ? {} : { reason: command.reason }),
        },
      ])
  }
}

/** The commitment decider. */
export const commitmentDecider: CommitmentDecider = {
  initialState: initialCommitmentState,
  evolve: evolveCommitment,
  decide: decideCommitment,
}

type LifecycleCommand = Exclude<CommitmentCommand, { _tag: "DiscussCommitment" }>

const proposal = (command: Extract<CommitmentCommand, { _tag: "ProposeCommitment" }>): CommitmentEvent => ({
  _tag: "CommitmentProposed",
  v: 1,
  month: command.month,
  commitment: command.commitment,
  amountUsdM: command.amountUsdM,
})

const lifecycleEventOf = (command: LifecycleCommand, state: TrackedCommitment): LifecycleEvent => {
  switch (command._tag) {
    case "ProposeCommitment":
      return { type: "PROPOSE", amountUsdM: command.amountUsdM }
    case "AgreeCommitment":
      return { type: "AGREE", amountUsdM: command.amountUsdM ?? state.pledgedUsdM }
    case "DeliverTranche":
      return { type: "DELIVER", amountUsdM: command.amountUsdM }
    case "CompleteCommitment":
      return { type: "COMPLETE" }
    case "StallCommitment":
      return { type: "STALL" }
    case "ResumeCommitment":
      return { type: "RESUME" }
    case "WithdrawCommitment":
      return { type: "WITHDRAW" }
  }
}

/** Says why the machine refused, in the user's terms. */
const refusal = (command: LifecycleCommand, state: TrackedCommitment): TransitionNotAllowed => {
  const because = isFinalState(state.status)
    ? `it is ${state.status}, a final state`
    : command._tag === "DeliverTranche" && state.status === "agreed"
      ? command.amountUsdM <= 0
        ? "a tranche must be positive"
        : `delivering ${command.amountUsdM} would exceed the agreed ${state.agreedUsdM} (delivered so far ${state.deliveredUsdM}, USD m)`
      : command._tag === "CompleteCommitment" && state.status === "agreed"
        ? `only ${state.deliveredUsdM} of the agreed ${state.agreedUsdM} USD m is delivered`
        : `it is ${state.status}`
  return new TransitionNotAllowed({
    message: `${command._tag} is not allowed for commitment '${state.commitment}': ${because}`,
    commitment: state.commitment,
    from: state.status,
    command: command._tag,
  })
}
