import { ValidationError } from "@effect/cli"
import { Cause, Option } from "effect"
import type { CliFailure, LocatedIssue, UsageError } from "./cli-errors.js"

/** Exit codes: 0 ok, 1 invalid input (or anything else that failed), 2 usage. */
export const ExitCode = { ok: 0, invalidInput: 1, usage: 2 } as const

/** What to print on stderr and which code to exit with, for any way a command can end badly. */
export interface Outcome {
  readonly code: number
  /** Text for stderr; empty when the command-line parser already printed its own message. */
  readonly message: string
}

/** Maps a failed command's cause to one clear message (never a stack trace) and an exit code. */
export const outcomeOf = (
  cause: Cause.Cause<CliFailure | UsageError | ValidationError.ValidationError>,
): Outcome => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure)) {
    const error = failure.value
    if (ValidationError.isValidationError(error)) {
      // @effect/cli has printed the problem and the usage already.
      return { code: ExitCode.usage, message: "" }
    }
    if (error._tag === "UsageError") return { code: ExitCode.usage, message: `accord: ${error.message}\n` }
    return { code: ExitCode.invalidInput, message: failureText(error) }
  }
  if (Cause.isInterruptedOnly(cause)) return { code: 130, message: "" }
  const defect = Cause.squash(cause)
  const text = defect instanceof Error ? defect.message : String(defect)
  return { code: ExitCode.invalidInput, message: `accord: internal error: ${text}\n` }
}

/** One line for the failure, then one line per issue with file:line:column where known. */
export const failureText = (error: CliFailure): string => {
  switch (error._tag) {
    case "ScenarioFileInvalid":
      return lines(`accord: ${error.message}`, ...error.issues.map((i) => issueLine(i, error.file)))
    case "ScenariosNotComparable":
      return lines(`accord: ${error.message}`, ...error.issues.map((i) => issueLine(i, undefined)))
    case "ObservationsFailed":
      return lines(`accord: ${error.message}`, ...error.issues.map((i) => issueLine(i, error.file)))
    case "FileUnreadable":
      return `accord: cannot read ${error.file}: ${error.message}\n`
    case "OutputUnwritable":
      return `accord: cannot write ${error.file}: ${error.message}\n`
    case "UnknownPack":
    case "ServeFailed":
      return `accord: ${error.message}\n`
  }
}

const issueLine = (issue: LocatedIssue, file: string | undefined): string => {
  const where = issue.file ?? file
  const position = issue.line === undefined ? "" : `:${issue.line}:${issue.column ?? 1}`
  const prefix = where === undefined ? "" : `${where}${position}  `
  return `  ${prefix}${issue.path === "" ? "" : `${issue.path}: `}${issue.message}`
}

const lines = (...text: ReadonlyArray<string>): string => `${text.join("\n")}\n`
