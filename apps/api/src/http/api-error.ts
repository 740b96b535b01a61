import { Schema } from "effect"

/** One problem in a request, with a dotted path to where it is. */
export const Issue = Schema.Struct({ path: Schema.String, message: Schema.String }).annotations({
  identifier: "Issue",
})
export type Issue = typeof Issue.Type

/** The body of every error response. */
export const ErrorBody = Schema.Struct({
  error: Schema.String.annotations({ description: "The error's tag, e.g. InvalidInput" }),
  message: Schema.String,
  issues: Schema.Array(Issue),
}).annotations({ identifier: "Error" })
export type ErrorBody = typeof ErrorBody.Type

/** The request body is not JSON. */
export class MalformedJson extends Schema.TaggedError<MalformedJson>()("MalformedJson", {
  message: Schema.String,
}) {}

/** The request body has a media type this route does not take. */
export class UnsupportedMediaType extends Schema.TaggedError<UnsupportedMediaType>()("UnsupportedMediaType", {
  message: Schema.String,
}) {}

/** A simulation would take more work (runs × months × commitments) than one request may ask for. */
export class WorkCeilingExceeded extends Schema.TaggedError<WorkCeilingExceeded>()("WorkCeilingExceeded", {
  message: Schema.String,
  work: Schema.Number,
  limit: Schema.Number,
  issues: Schema.Array(Issue),
}) {}

/** No such thing under that id. */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  message: Schema.String,
  resource: Schema.String,
  id: Schema.String,
}) {}

/** The command does not apply to the current state (a stale version, a forbidden transition). */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  message: Schema.String,
  /** The tag of the domain or store error behind the conflict. */
  reason: Schema.String,
}) {}

/** The event store cannot be reached; the client may retry. */
export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>()("StoreUnavailable", {
  message: Schema.String,
}) {}

/** The status each error tag answers with; a failure whose tag is not here is a defect (500). */
export const statusByTag: Readonly<Record<string, number>> = {
  InvalidInput: 400,
  ScenarioNotFound: 404,
  InterventionNotFound: 404,
  ScenarioAlreadyExists: 409,
  RunConflict: 409,
  TransitionNotAllowed: 409,
  MalformedJson: 400,
  WorkCeilingExceeded: 400,
  NotFound: 404,
  Conflict: 409,
  ExpectedVersionMismatch: 409,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  StoreUnavailable: 503,
  StorageFailure: 503,
}

type Tagged = { readonly _tag: string; readonly [key: string]: unknown }

/** Messages for errors whose own fields say more than their message (or say what must not leave the process). */
const presenters: Readonly<Record<string, (error: Tagged) => Pick<ErrorBody, "message" | "issues">>> = {
  ExpectedVersionMismatch: (e) => {
    const message = `the stream is at version ${String(e.actual)}, the request expected ${String(e.expected)}: read it again and retry`
    return { message, issues: [{ path: "expectedVersion", message }] }
  },
  // The storage error's text may carry hosts or SQL; it is logged, not sent.
  StorageFailure: () => ({ message: "the event store is unavailable; retry later", issues: [] }),
  StoreUnavailable: () => ({ message: "the event store is unavailable; retry later", issues: [] }),
}

/** What a failure looks like on the wire, whatever its origin. */
export interface HttpFailure {
  readonly status: number
  readonly body: ErrorBody
}

const hasTag = (u: unknown): u is { _tag: string; message?: unknown; issues?: unknown } =>
  typeof u === "object" && u !== null && typeof (u as { _tag?: unknown })._tag === "string"

/** Maps a typed failure to its status and body, or undefined when the failure is not a client's doing. */
export const toHttpFailure = (error: unknown): HttpFailure | undefined => {
  if (!hasTag(error)) return undefined
  const status = statusByTag[error._tag]
  if (status === undefined) return undefined
  const present = presenters[error._tag]
  if (present !== undefined) return { status, body: { error: error._tag, ...present(error as Tagged) } }
  const issues = Array.isArray(error.issues) ? (error.issues as ReadonlyArray<Issue>) : []
  const message = typeof error.message === "string" && error.message !== "" ? error.message : error._tag
  return { status, body: { error: error._tag, message, issues } }
}

/** The body of a 500: nothing about the cause leaves the process. */
export const internalErrorBody: ErrorBody = {
  error: "InternalError",
  message: "the service failed to handle this request; it has been logged",
  issues: [],
}
