import type {
  AmbiguousMove,
  BudgetExceeded,
  ClockNotStarted,
  CommitmentAlreadyProposed,
  ExerciseAlreadyExists,
  ExerciseNotFound,
  InterventionNotFound,
  InvalidInput,
  MoveIdConflict,
  MoveNotAllowedForRole,
  MoveNotApplicable,
  MoveNotFound,
  PackInvalid,
  RoundAlreadyClosed,
  RoundNotOpen,
  RunConflict,
  ScenarioAlreadyExists,
  ScenarioNotFound,
  TransitionNotAllowed,
  UnknownCommitment,
  UnknownTeam,
  UnreadableEvent,
} from "@accord/domain"
import type { ComparisonMismatch, PackIncomplete, RunOutOfRange, SpecDoesNotFitPack } from "@accord/engine"
import type {
  DuplicateEventIds,
  EventDecodeError,
  ExpectedVersionMismatch,
  StorageFailure,
} from "@accord/event-store"
import {
  type Conflict,
  type ErrorBody,
  type Forbidden,
  type Interrupted,
  type InvalidJoinCode,
  type Issue,
  internalErrorBody,
  type JobStoreFailure,
  type MalformedJson,
  type MalformedRequest,
  type MethodNotAllowed,
  type NotFound,
  type PayloadTooLarge,
  type RequestHeaderFieldsTooLarge,
  type RequestTimeout,
  type StoreUnavailable,
  type TemplateNotFound,
  type TooManyRequests,
  type Unauthorized,
  type UnsupportedMediaType,
  type WorkCeilingExceeded,
} from "./api-error.js"

/** Every tagged error the service's layers can fail with: the domain's, the engine's, the store's and the API's own. */
export type ServiceError =
  | AmbiguousMove
  | BudgetExceeded
  | ClockNotStarted
  | CommitmentAlreadyProposed
  | ExerciseAlreadyExists
  | ExerciseNotFound
  | InterventionNotFound
  | InvalidInput
  | MoveIdConflict
  | MoveNotAllowedForRole
  | MoveNotApplicable
  | MoveNotFound
  | PackInvalid
  | RoundAlreadyClosed
  | RoundNotOpen
  | RunConflict
  | ScenarioAlreadyExists
  | ScenarioNotFound
  | TransitionNotAllowed
  | UnknownCommitment
  | UnknownTeam
  | UnreadableEvent
  | ComparisonMismatch
  | PackIncomplete
  | RunOutOfRange
  | SpecDoesNotFitPack
  | DuplicateEventIds
  | EventDecodeError
  | ExpectedVersionMismatch
  | StorageFailure
  | JobStoreFailure
  | Conflict
  | Forbidden
  | Interrupted
  | InvalidJoinCode
  | MalformedJson
  | MalformedRequest
  | MethodNotAllowed
  | NotFound
  | PayloadTooLarge
  | RequestHeaderFieldsTooLarge
  | RequestTimeout
  | StoreUnavailable
  | TemplateNotFound
  | TooManyRequests
  | Unauthorized
  | UnsupportedMediaType
  | WorkCeilingExceeded

/**
 * How one error answers. `issues` says which part of the request is wrong (every 4xx names one);
 * errors with an `issues` field of their own carry those. `message` replaces the error's own message
 * where its fields say more, or where the message must not leave the process.
 */
interface Answer<E> {
  readonly status: number
  readonly issues?: (error: E) => ReadonlyArray<Issue>
  readonly message?: (error: E) => string
  readonly headers?: (error: E) => Readonly<Record<string, string>>
}

/** The error is the service's fault, not the client's (a broken pack, an unreadable stored event): a logged 500. */
const defect = "defect" as const

type ErrorTable = {
  readonly [Tag in ServiceError["_tag"]]:
    | Answer<Extract<ServiceError, { readonly _tag: Tag }>>
    | typeof defect
}

/** One issue at `path` with the error's own message. */
const at =
  (path: string) =>
  (error: { readonly message: string }): ReadonlyArray<Issue> => [{ path, message: error.message }]

const versionMessage = (e: ExpectedVersionMismatch) =>
  `the stream is at version ${String(e.actual)}, the request expected ${String(e.expected)}: read it again and retry`

const storeUnavailable = () => "the event store is unavailable; retry later"

/**
 * The one place a failure gets its status. Keyed by every tag of ServiceError: a tag added to a union
 * and missing here fails `tsc`.
 */
export const errorTable: ErrorTable = {
  InvalidInput: { status: 400 },
  MalformedJson: { status: 400, issues: at("") },
  // Refused by Node's HTTP parser before any route (http/client-error.ts): no field to name.
  MalformedRequest: { status: 400, issues: at("") },
  RequestTimeout: { status: 408, issues: at("") },
  RequestHeaderFieldsTooLarge: { status: 431, issues: at("") },
  WorkCeilingExceeded: { status: 400 },
  SpecDoesNotFitPack: { status: 400 },
  ComparisonMismatch: { status: 400 },
  RunOutOfRange: { status: 400 },
  Unauthorized: { status: 401, issues: at("authorization") },
  Forbidden: { status: 403, issues: at("authorization") },
  InvalidJoinCode: { status: 403, issues: at("joinCode") },
  UnknownTeam: { status: 403, issues: at("authorization") },
  MoveNotAllowedForRole: { status: 403, issues: at("move.type") },
  // An unknown route names no field; every other resource is named by the path's id.
  NotFound: {
    status: 404,
    issues: (e) => [{ path: e.resource === "route" ? "" : "id", message: e.message }],
  },
  ScenarioNotFound: { status: 404, issues: at("id") },
  ExerciseNotFound: { status: 404, issues: at("id") },
  TemplateNotFound: { status: 404, issues: at("id") },
  InterventionNotFound: { status: 404, issues: at("index") },
  MoveNotFound: { status: 404, issues: at("moveId") },
  ScenarioAlreadyExists: { status: 409, issues: at("id") },
  ExerciseAlreadyExists: { status: 409, issues: at("id") },
  RunConflict: { status: 409, issues: at("runId") },
  TransitionNotAllowed: { status: 409, issues: at("commitment") },
  UnknownCommitment: { status: 409, issues: at("commitment") },
  CommitmentAlreadyProposed: { status: 409, issues: at("commitment") },
  Conflict: { status: 409, issues: at("") },
  RoundAlreadyClosed: { status: 409, issues: at("round") },
  RoundNotOpen: { status: 409, issues: at("round") },
  MoveNotApplicable: { status: 409, issues: at("move") },
  BudgetExceeded: { status: 409, issues: at("move") },
  MoveIdConflict: { status: 409, issues: at("moveId") },
  AmbiguousMove: { status: 409, issues: at("team") },
  ClockNotStarted: { status: 409, issues: at("") },
  ExpectedVersionMismatch: {
    status: 409,
    message: versionMessage,
    issues: (e) => [{ path: "expectedVersion", message: versionMessage(e) }],
  },
  // Event ids are the service's own (random or derived from stored data), never a client's.
  DuplicateEventIds: defect,
  MethodNotAllowed: { status: 405, issues: at(""), headers: (e) => ({ allow: e.allow }) },
  PayloadTooLarge: { status: 413, issues: at("") },
  UnsupportedMediaType: { status: 415, issues: at("content-type") },
  TooManyRequests: {
    status: 429,
    issues: at(""),
    headers: (e) => ({ "retry-after": String(e.retryAfterSeconds) }),
  },
  // The storage error's text may carry hosts or SQL; it is logged, not sent.
  StorageFailure: { status: 503, message: storeUnavailable },
  StoreUnavailable: { status: 503, message: storeUnavailable },
  Interrupted: { status: 503 },
  JobStoreFailure: { status: 503, message: () => "the job engine is unavailable; retry later" },
  PackInvalid: defect,
  PackIncomplete: defect,
  UnreadableEvent: defect,
  EventDecodeError: defect,
}

/** What a failure looks like on the wire, whatever its origin. */
export interface HttpFailure {
  readonly status: number
  readonly body: ErrorBody
  readonly headers: Readonly<Record<string, string>>
}

const isServiceError = (u: unknown): u is ServiceError =>
  typeof u === "object" &&
  u !== null &&
  typeof (u as { _tag?: unknown })._tag === "string" &&
  Object.hasOwn(errorTable, (u as { _tag: string })._tag)

/** The issues of a failure: its own when it has some, else the table's; none for a 5xx. */
const issuesOf = (
  error: ServiceError,
  answer: Answer<ServiceError>,
  message: string,
): ReadonlyArray<Issue> => {
  if ("issues" in error && error.issues.length > 0) return error.issues
  if (answer.status >= 500) return []
  return answer.issues?.(error) ?? [{ path: "", message }]
}

/** Maps a typed failure to its status and body, or undefined when the failure is not a client's doing. */
export const toHttpFailure = (error: unknown): HttpFailure | undefined => {
  if (!isServiceError(error)) return undefined
  const answer = errorTable[error._tag] as Answer<ServiceError> | typeof defect
  if (answer === defect) return undefined
  const own = "message" in error && error.message !== "" ? error.message : error._tag
  const message = answer.message?.(error) ?? own
  const issues = issuesOf(error, answer, message)
  return {
    status: answer.status,
    body: { error: error._tag, message, issues },
    headers: answer.headers?.(error) ?? {},
  }
}

/** The answer to an error the service raises itself (an unknown route, a body over the limit). */
export const answerTo = (error: ServiceError): HttpFailure =>
  toHttpFailure(error) ?? { status: 500, body: internalErrorBody, headers: {} }
