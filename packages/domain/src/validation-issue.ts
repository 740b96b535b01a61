import { ParseResult, Schema } from "effect"

/** One problem in some input: where it is (dotted path, e.g. "interventions.0.month") and what is wrong. */
export const ValidationIssue = Schema.Struct({
  path: Schema.String,
  message: Schema.String,
}).annotations({ identifier: "ValidationIssue" })
export type ValidationIssue = typeof ValidationIssue.Type

/** Turns a decode failure into a flat list of issues with dotted paths. */
export const issuesFromParseError = (error: ParseResult.ParseError): ReadonlyArray<ValidationIssue> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }))

/** Input failed validation; every problem is listed with its path. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}
