import {
  Approval,
  Budgets,
  ExerciseId,
  ExerciseMove,
  ExerciseName,
  MAX_SEED,
  MoveId,
  PackId,
  RoundClockSettings,
  RoundNumber,
  TeamName,
  type ValidationIssue,
} from "@accord/domain"
import { Schema } from "effect"
import { normalizeExerciseId } from "./exercise-secrets.js"

/** The {id} of /api/exercises/{id}/…: read aloud and typed, so any case, with or without separators, names it. */
export const exerciseIdParam = (description: string) => ({
  id: { description, schema: ExerciseId, normalize: normalizeExerciseId },
})

/** The exercise id of the routes of /api/exercises/{id}, and how they say to authenticate. */
export const exercisePath = exerciseIdParam("Exercise id (XXXX-XXXX-XXXX, any case, separators optional)")
export const bearerNote = "Send `Authorization: Bearer <token>`."

export const CreateExerciseBody = Schema.Struct({
  /** Required unless `template` gives the setup. */
  pack: Schema.optional(PackId),
  name: ExerciseName,
  /** A template to start a clean copy from: its setup, no teams and no moves (the other settings must be absent). */
  template: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))),
  /** "required": only moves the facilitator approved (or amended) take effect when the round closes. */
  approval: Schema.optional(Approval),
  /** A round clock: seconds per round, counted down on every view; the round closes by itself only with autoClose. */
  clock: Schema.optional(RoundClockSettings),
  roundMonths: Schema.optional(Schema.Int.pipe(Schema.between(1, 12))),
  rounds: Schema.optional(RoundNumber),
  seed: Schema.optional(Schema.Int.pipe(Schema.between(0, MAX_SEED))),
  /** Monte Carlo runs per projection (default 500: a round closes in well under a second). */
  runs: Schema.optional(Schema.Int.pipe(Schema.between(50, 5000))),
  budgets: Schema.optional(Budgets),
  /** A saved scenario to start from: its interventions and assumptions play before any move. */
  baseScenario: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100))),
}).annotations({ identifier: "CreateExerciseRequest" })
export type CreateExerciseBody = typeof CreateExerciseBody.Type

// A template carries the whole setup: other settings beside it would be silently ignored, so they are refused.
const settingKeys = Object.keys(CreateExerciseBody.fields).filter(
  (key): key is Exclude<keyof CreateExerciseBody, "name" | "template"> =>
    key !== "name" && key !== "template",
)

/** What the create request's schema cannot say: a template and no other settings, or a pack. */
export const createExerciseIssues = (body: CreateExerciseBody): ReadonlyArray<ValidationIssue> => {
  if (body.template !== undefined)
    return settingKeys
      .filter((key) => body[key] !== undefined)
      .map((path) => ({
        path,
        message: "not allowed beside 'template': a template carries the exercise's setup",
      }))
  return body.pack === undefined ? [{ path: "pack", message: "required unless 'template' is given" }] : []
}

/** A join code, and the team's name when it is the first to take the seat (later devices keep the seat's name). */
export const JoinBody = Schema.Struct({
  joinCode: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(40)),
  name: Schema.optional(TeamName),
}).annotations({ identifier: "JoinExerciseRequest" })

export const MoveBody = Schema.Struct({ moveId: MoveId, round: RoundNumber, move: ExerciseMove }).annotations(
  {
    identifier: "SubmitMoveRequest",
  },
)

export const CloseBody = Schema.Struct({ round: Schema.optional(RoundNumber) }).annotations({
  identifier: "CloseRoundRequest",
})
/** `?round=` of the debrief: the game as of that round (0 = before any move). */
export const DebriefRound = Schema.NumberFromString.pipe(Schema.int(), Schema.between(0, 24))
/** `?after=` / Last-Event-ID of the live feed: the stream version to resume after. */
export const FeedPosition = Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())
