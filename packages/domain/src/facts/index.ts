/**
 * The domain's facts as plain constants and types, with no schema library: the browser imports this entry
 * (`@accord/domain/facts`) and the schema modules of this package build their schemas from it.
 */
export * from "./dates.js"
export * from "./interventions.js"
export * from "./lifecycle-states.js"
export * from "./moves.js"
export * from "./number-format.js"
export * from "./roles.js"
export * from "./sectors.js"
