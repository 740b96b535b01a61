import type { LifecycleState } from "@accord/domain"

/** Board and legend order: the spine first, then the detours. */
export const stateOrder: ReadonlyArray<LifecycleState> = [
  "discussed",
  "proposed",
  "agreed",
  "implemented",
  "stalled",
  "withdrawn",
]

export const stateLabels: Record<LifecycleState, string> = {
  discussed: "Discussed",
  proposed: "Proposed",
  agreed: "Agreed",
  implemented: "Implemented",
  stalled: "Stalled",
  withdrawn: "Withdrawn",
}
