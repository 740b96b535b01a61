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

/** The request body is over the size the service reads. */
export class PayloadTooLarge extends Schema.TaggedError<PayloadTooLarge>()("PayloadTooLarge", {
  message: Schema.String,
}) {}

/** The path exists but does not answer this method; `allow` lists the methods it does answer. */
export class MethodNotAllowed extends Schema.TaggedError<MethodNotAllowed>()("MethodNotAllowed", {
  message: Schema.String,
  allow: Schema.String,
}) {}

/** No valid token of this exercise was presented. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  message: Schema.String,
}) {}

/** The token is valid but its holder may not do this (a team on a facilitator route). */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  message: Schema.String,
}) {}

/** The join code matches no role of this exercise. */
export class InvalidJoinCode extends Schema.TaggedError<InvalidJoinCode>()("InvalidJoinCode", {
  message: Schema.String,
}) {}

/** Too many join attempts; retry after `retryAfterSeconds`. */
export class TooManyRequests extends Schema.TaggedError<TooManyRequests>()("TooManyRequests", {
  message: Schema.String,
  retryAfterSeconds: Schema.Int,
}) {}

/** No exercise template under this id (or it was deleted). */
export class TemplateNotFound extends Schema.TaggedError<TemplateNotFound>()("TemplateNotFound", {
  message: Schema.String,
}) {}

/** The event store cannot be reached; the client may retry. */
export class StoreUnavailable extends Schema.TaggedError<StoreUnavailable>()("StoreUnavailable", {
  message: Schema.String,
}) {}

/** The job tables could not be read or written. */
export class JobStoreFailure extends Schema.TaggedError<JobStoreFailure>()("JobStoreFailure", {
  message: Schema.String,
}) {}

/** The client went away before the answer was ready; nobody reads it. */
export class Interrupted extends Schema.TaggedError<Interrupted>()("Interrupted", {
  message: Schema.String,
}) {}

/** Node's HTTP parser refused the request: its request line and headers are over Node's 16 KiB limit. */
export class RequestHeaderFieldsTooLarge extends Schema.TaggedError<RequestHeaderFieldsTooLarge>()(
  "RequestHeaderFieldsTooLarge",
  { message: Schema.String },
) {}

/** Node's HTTP parser gave up waiting for the rest of the request. */
export class RequestTimeout extends Schema.TaggedError<RequestTimeout>()("RequestTimeout", {
  message: Schema.String,
}) {}

/** Node's HTTP parser refused the bytes: they are not an HTTP/1.1 request. */
export class MalformedRequest extends Schema.TaggedError<MalformedRequest>()("MalformedRequest", {
  message: Schema.String,
}) {}

/** The body of a 500: nothing about the cause leaves the process. */
export const internalErrorBody: ErrorBody = {
  error: "InternalError",
  message: "the service failed to handle this request; it has been logged",
  issues: [],
}
