import { Schema } from "effect"

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

/** The status of each exercise error; tags not here go to the app's shared mapping. */
export const exerciseStatusByTag: Readonly<Record<string, number>> = {
  ExerciseNotFound: 404,
  ExerciseAlreadyExists: 409,
  UnknownTeam: 403,
  MoveNotAllowedForRole: 403,
  RoundAlreadyClosed: 409,
  RoundNotOpen: 409,
  MoveNotApplicable: 409,
  BudgetExceeded: 409,
  MoveIdConflict: 409,
  Unauthorized: 401,
  Forbidden: 403,
  InvalidJoinCode: 403,
  TooManyRequests: 429,
  PackNotFound: 404,
  MoveNotFound: 404,
  AmbiguousMove: 409,
  ClockNotStarted: 409,
  TemplateNotFound: 404,
}
