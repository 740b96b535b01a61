import { ValidationIssue } from "@accord/domain"
import { Schema } from "effect"

/** The pack lacks something the model needs (a model parameter, an indicator formula); every gap has a path. */
export class PackIncomplete extends Schema.TaggedError<PackIncomplete>()("PackIncomplete", {
  pack: Schema.String,
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}

/** The spec does not fit the pack it is run with (another pack id, an unknown commitment). */
export class SpecDoesNotFitPack extends Schema.TaggedError<SpecDoesNotFitPack>()("SpecDoesNotFitPack", {
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}

/**
 * Baseline and variant cannot be paired run by run: they differ in pack, runs,
 * seed or horizon. Paths name the variant's field, e.g. `variant.seed`.
 */
export class ComparisonMismatch extends Schema.TaggedError<ComparisonMismatch>()("ComparisonMismatch", {
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}

/** A run index outside 0..runs-1. */
export class RunOutOfRange extends Schema.TaggedError<RunOutOfRange>()("RunOutOfRange", {
  message: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {}

/**
 * Every error the engine throws on purpose. A worker thread sends one as its encoded fields and the
 * caller decodes it back into the same class, so an error means the same on and off the event loop.
 */
export const EngineError = Schema.Union(PackIncomplete, SpecDoesNotFitPack, ComparisonMismatch, RunOutOfRange)
export type EngineError = typeof EngineError.Type
