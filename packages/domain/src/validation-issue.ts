import { Either, type ParseResult, Schema } from "effect"
import { issueMessages } from "./issue-messages.js"

/** One problem in some input: where it is (dotted path, e.g. "interventions.0.month") and what is wrong. */
export const ValidationIssue = Schema.Struct({
  path: Schema.String,
  message: Schema.String,
}).annotations({ identifier: "ValidationIssue" })
export type ValidationIssue = typeof ValidationIssue.Type

/** Turns a decode failure into a flat list of issues with dotted paths, worded for a person (see issue-messages.ts). */
export const issuesFromParseError = (error: ParseResult.ParseError): ReadonlyArray<ValidationIssue> =>
  issueMessages(error.issue).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }))

/** What is wrong with one value for a schema, in the same words as every other issue; undefined when it fits. */
export const problemWith = <A, I>(schema: Schema.Schema<A, I, never>, value: unknown): string | undefined => {
  const decoded = Schema.decodeUnknownEither(schema)(value, { errors: "all", onExcessProperty: "error" })
  return Either.isLeft(decoded)
    ? issuesFromParseError(decoded.left)
        .map((i) => i.message)
        .join("; ")
    : undefined
}

/** Input failed validation; every problem is listed with its path. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}

/** One problem at one path, worded once: the message says what is wrong there. */
export const invalidAt = (path: string, message: string): InvalidInput =>
  new InvalidInput({ message, issues: [{ path, message }] })

/** Every problem of one input (`what`, e.g. "the scenario spec"), counted in the message. */
export const invalidInput = (what: string, issues: ReadonlyArray<ValidationIssue>): InvalidInput =>
  new InvalidInput({
    message: `${what} is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"})`,
    issues,
  })
