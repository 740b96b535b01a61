export * from "./commitment.js"
export * from "./commitment-commands.js"
export * from "./commitment-decider.js"
export * from "./commitment-errors.js"
export * from "./commitment-events.js"
export * from "./decider.js"
export * from "./domain-event.js"
export * from "./exercise/index.js"
export {
  addedCommitmentTracks,
  aidFormLabels,
  exerciseActorIds,
  finalLifecycleStates,
  interventionLeverFields,
  interventionTitles,
  interventionTypeIds,
  lifecycleStateIds,
  MAX_AID_USD_M,
  moveTypeIds,
  roleName,
  roleNames,
  sectorIds,
  stateAfter,
  stateAfterEvent,
  teamRoleIds,
} from "./facts/index.js"
export * from "./ids.js"
export { UnitAnnotationId } from "./issue-messages.js"
export * from "./lifecycle.js"
export * from "./lifecycle-table.js"
export * from "./money.js"
export * from "./near-miss.js"
export * from "./observation.js"
export * from "./observation-decider.js"
export * from "./observation-events.js"
export * from "./pack.js"
export * from "./packs/index.js"
export * from "./scenario-commands.js"
export * from "./scenario-decider.js"
export * from "./scenario-errors.js"
export * from "./scenario-events.js"
export * from "./scenario-spec.js"
export * from "./scenario-spec-json-schema.js"
export * from "./scenario-state.js"
export * from "./stored-event.js"
export * from "./upcasters.js"
export * from "./validation-issue.js"
