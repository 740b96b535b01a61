import { Schema } from "effect"
import { Observation } from "./observation.js"

/** One observation recorded in its pack's stream (stream id `observations-<pack id>`). */
export const ObservationRecorded = Schema.TaggedStruct("ObservationRecorded", {
  v: Schema.Literal(1),
  observation: Observation,
}).annotations({ identifier: "ObservationRecorded" })
export type ObservationRecorded = typeof ObservationRecorded.Type

export const ObservationEvent = Schema.Union(ObservationRecorded).annotations({
  identifier: "ObservationEvent",
})
export type ObservationEvent = typeof ObservationEvent.Type

/** The stream that holds a pack's observations. */
export const observationStreamId = (packId: string): string => `observations-${packId}`
