import { type LifecycleStateId as LifecycleState, lifecycleStateIds } from "@accord/domain/facts"

/** Board and legend order: the spine first, then the detours (the lifecycle table's order). */
export const stateOrder: ReadonlyArray<LifecycleState> = lifecycleStateIds

export const stateLabels: Record<LifecycleState, string> = {
  discussed: "Discussed",
  proposed: "Proposed",
  agreed: "Agreed",
  implemented: "Implemented",
  stalled: "Stalled",
  withdrawn: "Withdrawn",
}
