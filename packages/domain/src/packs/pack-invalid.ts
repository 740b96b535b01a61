import { Schema } from "effect"
import { ValidationIssue } from "../validation-issue.js"

/** A pack's data failed its schema or its cross-checks; every problem is listed with its path. */
export class PackInvalid extends Schema.TaggedError<PackInvalid>()("PackInvalid", {
  pack: Schema.String,
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}
