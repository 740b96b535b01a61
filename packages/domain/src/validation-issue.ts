import { ParseResult, Schema } from "effect"

/** One problem in some input: where it is (dotted path, e.g. "interventions.0.month") and what is wrong. */
export const ValidationIssue = Schema.Struct({
  path: Schema.String,
  message: Schema.String,
}).annotations({ identifier: "ValidationIssue" })
export type ValidationIssue = typeof ValidationIssue.Type

/** Turns a decode failure into a flat list of issues with dotted paths. */
export const issuesFromParseError = (error: ParseResult.ParseError): ReadonlyArray<ValidationIssue> => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }))
  // An optional field with a bad value fails both branches of `X | undefined`; the "Expected undefined"
  // half says nothing to a user when the field's own problem is listed at the same path or below it.
  return issues.filter(
    (issue) =>
      !issue.message.startsWith("Expected undefined,") ||
      !issues.some(
        (other) =>
          other !== issue &&
          !other.message.startsWith("Expected undefined,") &&
          (other.path === issue.path || other.path.startsWith(`${issue.path}.`)),
      ),
  )
}

/** Input failed validation; every problem is listed with its path. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}
