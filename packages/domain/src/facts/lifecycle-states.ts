/** A commitment's lifecycle states, in the order the compiled lifecycle table uses. */
export const lifecycleStateIds = [
  "discussed",
  "proposed",
  "agreed",
  "implemented",
  "stalled",
  "withdrawn",
] as const
export type LifecycleStateId = (typeof lifecycleStateIds)[number]

/** States that take no further events. */
export const finalLifecycleStates: ReadonlyArray<LifecycleStateId> = ["implemented", "withdrawn"]

/**
 * The state a commitment is in after each commitment event that changes it (CommitmentProgressed changes
 * only the amount delivered, so it is absent). The decider, the indicator fold and the timeline all read it.
 */
export const stateAfterEvent = {
  CommitmentDiscussed: "discussed",
  CommitmentProposed: "proposed",
  CommitmentAgreed: "agreed",
  CommitmentImplemented: "implemented",
  CommitmentStalled: "stalled",
  CommitmentResumed: "agreed",
  CommitmentWithdrawn: "withdrawn",
} as const satisfies Readonly<Record<string, LifecycleStateId>>
export type StateChangingEvent = keyof typeof stateAfterEvent

/** The state after an event, or undefined for an event that does not change a commitment's state. */
export const stateAfter = (tag: string): LifecycleStateId | undefined =>
  (stateAfterEvent as Readonly<Record<string, LifecycleStateId>>)[tag]
