import { type ActiveExercise, type ExerciseState, IndicatorOutcome } from "@accord/domain"
import { Schema } from "effect"

/** One line of the log: what happened, who did it, in which round; a round close carries its outcomes. */
export const LogEntry = Schema.Struct({
  version: Schema.Int,
  recordedAt: Schema.String,
  round: Schema.NullOr(Schema.Int),
  kind: Schema.Literal("round-start", "round-close", "event"),
  type: Schema.String,
  actor: Schema.String,
  team: Schema.NullOr(Schema.String),
  moveId: Schema.NullOr(Schema.String),
  text: Schema.String,
  outcomes: Schema.optional(Schema.Array(IndicatorOutcome)),
}).annotations({ identifier: "ExerciseLogEntry" })
export type LogEntry = typeof LogEntry.Type

/** Where an event stands in the stream. */
export interface LogPosition {
  readonly version: number
  readonly recordedAt: string
}

/** What an entry says; the round defaults to the open one, team and move to none. */
export type EntryFields = Omit<LogEntry, "version" | "recordedAt" | "round" | "team" | "moveId"> &
  Partial<Pick<LogEntry, "round" | "team" | "moveId">>

/** What the entries of one event are written with: the exercise as it stood before the event. */
export interface EntryContext {
  /** The exercise before the event (undefined before it is created). */
  readonly state: ActiveExercise | undefined
  /** An entry at the event's position in the stream. */
  readonly entry: (fields: EntryFields) => LogEntry
  /** An event entry (kind "event") of the given type, by the facilitator unless `fields` says who. */
  readonly event: (
    type: string,
    fields: Omit<EntryFields, "kind" | "type" | "actor"> & { actor?: string },
  ) => LogEntry
  /** The name a team joined with, or null. */
  readonly teamName: (teamId: string) => string | null
}

/** The context the entries of the event at `at` are written with, read against the state before it. */
export const entryContext = (before: ExerciseState, at: LogPosition): EntryContext => {
  const state = before._tag === "ActiveExercise" ? before : undefined
  const entry = (fields: EntryFields): LogEntry => ({
    ...at,
    // Keys in the order the JSON log has always had them.
    round: state?.openRound ?? null,
    moveId: null,
    team: null,
    ...fields,
  })
  return {
    state,
    entry,
    event: (type, fields) => entry({ kind: "event", type, actor: "facilitator", ...fields }),
    teamName: (teamId) => state?.teams.find((t) => t.teamId === teamId)?.name ?? null,
  }
}
