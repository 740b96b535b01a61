import { type LifecycleStateId as LifecycleState, stateAfter } from "@accord/domain/facts"

/** One event of a trajectory, as the engine emits it (commitment, intervention, consultation). */
export interface TrajectoryEvent {
  readonly _tag: string
  readonly month: number
  readonly commitment?: string
  readonly amountUsdM?: number
  readonly deliveredUsdM?: number
  readonly reason?: string
  readonly index?: number
}

/**
 * The board as of a month: each commitment's state after the events up to and
 * including that month, starting from the states at month 0. Commitments that
 * an intervention proposes later are absent until their proposal.
 */
export const statesAsOf = (
  initial: ReadonlyMap<string, LifecycleState>,
  events: ReadonlyArray<TrajectoryEvent>,
  month: number,
): Map<string, LifecycleState> => {
  const states = new Map(initial)
  for (const e of events) {
    if (e.month > month) continue
    const s = stateAfter(e._tag)
    if (s && e.commitment) states.set(e.commitment, s)
  }
  return states
}

/** Short human text for an event of the log. */
export const describeTrajectoryEvent = (e: TrajectoryEvent, title: (id: string) => string): string => {
  const who = title(e.commitment ?? "")
  switch (e._tag) {
    case "InterventionApplied":
      return e.commitment === undefined
        ? `Intervention ${(e.index ?? 0) + 1} takes effect`
        : `Intervention ${(e.index ?? 0) + 1} takes effect on ${who}`
    case "ConsultationHeld":
      return "A round of defense consultations is held"
    case "CommitmentDiscussed":
      return `${who} on the agenda (discussed, no amount)`
    case "CommitmentProposed":
      return `${who} proposed${e.amountUsdM ? ` (USD ${Math.round(e.amountUsdM)} m)` : ""}`
    case "CommitmentAgreed":
      return `${who} agreed${e.amountUsdM ? ` (USD ${Math.round(e.amountUsdM)} m)` : ""}`
    case "CommitmentProgressed":
      return `${who}: USD ${(e.deliveredUsdM ?? 0).toFixed(1)} m delivered`
    case "CommitmentImplemented":
      return `${who} implemented`
    case "CommitmentStalled":
      return `${who} stalled${e.reason ? ` (${e.reason})` : ""}`
    case "CommitmentResumed":
      return `${who} resumed`
    case "CommitmentWithdrawn":
      return `${who} withdrawn${e.reason ? ` (${e.reason})` : ""}`
    default:
      return `${who} changed`
  }
}
