import { Either, Schema } from "effect"
import type { Decider } from "./decider.js"
import { notOneOf } from "./near-miss.js"
import { CalendarDate, Observation } from "./observation.js"
import type { ObservationEvent } from "./observation-events.js"
import { type InvalidInput, invalidInput, type ValidationIssue } from "./validation-issue.js"

/** What checking an observation against its pack needs: the ids it may be about and its first valid date. */
export interface ObservationCatalog {
  readonly pack: string
  readonly commitmentIds: ReadonlyArray<string>
  readonly indicatorIds: ReadonlyArray<string>
  /** The first day of the visit: nothing before it is an observation of what came after. */
  readonly earliestDate: string
}

/** Records one observation; `today` is the clock, passed in ("YYYY-MM-DD"). */
export const RecordObservation = Schema.TaggedStruct("RecordObservation", {
  observation: Observation,
  today: CalendarDate,
}).annotations({ identifier: "RecordObservation" })
export type RecordObservation = typeof RecordObservation.Type

/** A pack's observations, in the order they were recorded. */
export interface ObservationState {
  readonly version: number
  readonly observations: ReadonlyArray<Observation>
}

export const initialObservationState: ObservationState = { version: 0, observations: [] }

export const evolveObservations = (state: ObservationState, event: ObservationEvent): ObservationState => ({
  version: state.version + 1,
  observations: [...state.observations, event.observation],
})

/**
 * Problems of an observation against its pack (ids that exist, dates on or after the visit),
 * with paths under `observation`. Shared by the decider and the seed's check.
 */
export const observationIssues = (
  observation: Observation,
  catalog: ObservationCatalog,
  today?: string,
): ReadonlyArray<ValidationIssue> => {
  const issues: Array<ValidationIssue> = []
  const about = observation.about
  if ("commitment" in about && !catalog.commitmentIds.includes(about.commitment)) {
    issues.push({
      path: "observation.about.commitment",
      message: `unknown commitment in pack '${catalog.pack}': ${notOneOf(about.commitment, catalog.commitmentIds)}`,
    })
  }
  if ("indicator" in about && !catalog.indicatorIds.includes(about.indicator)) {
    issues.push({
      path: "observation.about.indicator",
      message: `unknown indicator in pack '${catalog.pack}': ${notOneOf(about.indicator, catalog.indicatorIds)}`,
    })
  }
  if (observation.date < catalog.earliestDate) {
    issues.push({
      path: "observation.date",
      message: `${observation.date} is before the visit (${catalog.earliestDate}): only what happened after it is an observation`,
    })
  }
  if (today !== undefined && observation.date > today) {
    issues.push({ path: "observation.date", message: `${observation.date} is after today (${today})` })
  }
  return issues
}

/** Decides whether an observation can be recorded: valid for the pack, and its id not taken. */
export const decideObservation = (
  command: RecordObservation,
  state: ObservationState,
  catalog: ObservationCatalog,
): Either.Either<ReadonlyArray<ObservationEvent>, InvalidInput> => {
  const issues = [...observationIssues(command.observation, catalog, command.today)]
  if (state.observations.some((o) => o.id === command.observation.id)) {
    issues.push({
      path: "observation.id",
      message: `pack '${catalog.pack}' has an observation '${command.observation.id}' already`,
    })
  }
  if (issues.length > 0) return Either.left(invalidInput("the observation", issues))
  return Either.right([{ _tag: "ObservationRecorded", v: 1, observation: command.observation }])
}

/** The observation decider of one pack. */
export const observationDecider = (
  catalog: ObservationCatalog,
): Decider<ObservationState, RecordObservation, ObservationEvent, InvalidInput> => ({
  initialState: initialObservationState,
  evolve: evolveObservations,
  decide: (command, state) => decideObservation(command, state, catalog),
})
