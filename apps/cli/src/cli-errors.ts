import { Schema } from "effect"

/** One problem in an input file: its dotted path, what is wrong, and where it is when the file says. */
export const LocatedIssue = Schema.Struct({
  /** The file it is in, when an error spans several files. */
  file: Schema.optional(Schema.String),
  path: Schema.String,
  message: Schema.String,
  line: Schema.optional(Schema.Int),
  column: Schema.optional(Schema.Int),
})
export type LocatedIssue = typeof LocatedIssue.Type

/** A scenario file that does not parse or does not describe a valid scenario. */
export class ScenarioFileInvalid extends Schema.TaggedError<ScenarioFileInvalid>()("ScenarioFileInvalid", {
  file: Schema.String,
  message: Schema.String,
  issues: Schema.Array(LocatedIssue),
}) {}

/** An input file that cannot be read (missing, a directory, too large, not permitted). */
export class FileUnreadable extends Schema.TaggedError<FileUnreadable>()("FileUnreadable", {
  file: Schema.String,
  message: Schema.String,
}) {}

/** The output file cannot be written. */
export class OutputUnwritable extends Schema.TaggedError<OutputUnwritable>()("OutputUnwritable", {
  file: Schema.String,
  message: Schema.String,
}) {}

/** No built-in pack has this id. */
export class UnknownPack extends Schema.TaggedError<UnknownPack>()("UnknownPack", {
  pack: Schema.String,
  message: Schema.String,
}) {}

/** Two scenarios that cannot be compared run by run (different pack, runs, seed or horizon). */
export class ScenariosNotComparable extends Schema.TaggedError<ScenariosNotComparable>()(
  "ScenariosNotComparable",
  {
    message: Schema.String,
    issues: Schema.Array(LocatedIssue),
  },
) {}

/** The command line itself is wrong in a way the parser cannot see (no subcommand given). */
export class UsageError extends Schema.TaggedError<UsageError>()("UsageError", {
  message: Schema.String,
}) {}

/** The service could not start (port in use, database unreachable, API not available). */
export class ServeFailed extends Schema.TaggedError<ServeFailed>()("ServeFailed", {
  message: Schema.String,
}) {}

/** Observations could not be read, recorded or backtested (invalid, stale, or the event store unreachable). */
export class ObservationsFailed extends Schema.TaggedError<ObservationsFailed>()("ObservationsFailed", {
  message: Schema.String,
  file: Schema.optional(Schema.String),
  issues: Schema.Array(LocatedIssue),
}) {}

/** Every failure the commands report to the user, each with exit code 1. */
export type CliFailure =
  | ScenarioFileInvalid
  | FileUnreadable
  | OutputUnwritable
  | UnknownPack
  | ScenariosNotComparable
  | ServeFailed
  | ObservationsFailed
