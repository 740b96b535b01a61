import type { ActiveExercise, ExerciseEvent, ExerciseState } from "@accord/domain"
import type { RecordedEvent } from "@accord/event-store"
import { Schema } from "effect"
import { toCsv } from "./exercise-log-csv.js"
import { entriesOf } from "./exercise-log-entries.js"
import { LogEntry } from "./exercise-log-entry.js"
import { toMarkdown } from "./exercise-log-markdown.js"
import { decider } from "./exercise-stream.js"

export type ExerciseLogFormat = "json" | "csv" | "markdown"

export const exerciseLogMediaType: Readonly<Record<ExerciseLogFormat, string>> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
}

/** The JSON log, as GET /api/exercises/{id}/log answers it (the document's schema). */
export const ExerciseLogSchema = Schema.Struct({
  exercise: Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    pack: Schema.String,
    rounds: Schema.Int,
    roundMonths: Schema.Int,
    runs: Schema.Int,
    seed: Schema.Int,
  }),
  entries: Schema.Array(LogEntry),
}).annotations({ identifier: "ExerciseLog" })

/**
 * The exercise's full log for the facilitator: every event in order with
 * its round, round markers where a round opens and closes, and the outcomes
 * as they were projected at each close. No secrets: hashes never appear.
 */
export const exerciseLog = (
  state: ActiveExercise,
  events: ReadonlyArray<RecordedEvent<ExerciseEvent>>,
  format: ExerciseLogFormat,
): string => {
  let folded: ExerciseState = decider.initialState
  const entries: Array<LogEntry> = []
  for (const recorded of events) {
    entries.push(
      ...entriesOf(recorded.data, folded, {
        version: recorded.version,
        recordedAt: recorded.recordedAt.toISOString(),
      }),
    )
    folded = decider.evolve(folded, recorded.data)
  }
  if (format === "csv") return toCsv(entries)
  if (format === "markdown") return toMarkdown(state, entries)
  const exercise: typeof ExerciseLogSchema.Type.exercise = {
    id: state.exerciseId,
    name: state.name,
    pack: state.pack,
    rounds: state.rounds,
    roundMonths: state.roundMonths,
    runs: state.runs,
    seed: state.seed,
  }
  const log: typeof ExerciseLogSchema.Encoded = { exercise, entries }
  return JSON.stringify(log, null, 2)
}
