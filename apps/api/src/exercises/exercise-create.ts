import {
  type CreateExercise,
  defaultBudgets,
  type ExerciseCommand,
  type ExerciseId,
  type PackId,
  type TeamRole,
} from "@accord/domain"
import { Effect } from "effect"
import { loadScenario } from "../scenarios/scenario-stream.js"
import type { CreateExerciseBody } from "./exercise-requests.js"
import {
  hashSecret,
  newExerciseId,
  newJoinCode,
  newToken,
  normalizeJoinCode,
  sealJoinCodes,
} from "./exercise-secrets.js"
import { executeExerciseCommand } from "./exercise-stream.js"
import { loadTemplate } from "./template-store.js"

const DEFAULT_RUNS = 500
const DEFAULT_ROUNDS = 3
const DEFAULT_ROUND_MONTHS = 3

/** The settings of a new exercise, without its id and secrets. */
export type ExerciseSettings = Omit<
  CreateExercise,
  | "_tag"
  | "exerciseId"
  | "name"
  | "facilitatorTokenHash"
  | "joinCodeHashes"
  | "observerCodeHash"
  | "joinCodesSealed"
>

/** The settings of a clean copy of a saved exercise's setup. */
const templateSettings = (templateId: string) =>
  Effect.map(
    loadTemplate(templateId),
    (template): ExerciseSettings => ({
      ...template.setup,
      plannedInjections: template.setup.plannedInjections,
      template: template.templateId,
    }),
  )

/** The body's settings with defaults, starting from a saved scenario when it names one. */
const packSettings = (body: CreateExerciseBody, pack: PackId) =>
  Effect.gen(function* () {
    const base = body.baseScenario === undefined ? undefined : (yield* loadScenario(body.baseScenario)).state
    return {
      pack,
      roundMonths: body.roundMonths ?? DEFAULT_ROUND_MONTHS,
      rounds: body.rounds ?? DEFAULT_ROUNDS,
      seed: body.seed ?? 1,
      runs: body.runs ?? DEFAULT_RUNS,
      // Budgets apply unless the exercise sets its own ({} plays without any).
      budgets: body.budgets ?? defaultBudgets(body.roundMonths ?? DEFAULT_ROUND_MONTHS),
      ...(body.approval === undefined ? {} : { approval: body.approval }),
      ...(body.clock === undefined ? {} : { clock: body.clock }),
      ...(base === undefined
        ? {}
        : {
            horizonMonths: base.spec.horizonMonths,
            baseScenario: {
              scenarioId: base.scenarioId,
              interventions: base.spec.interventions,
              ...(base.spec.assumptions === undefined ? {} : { assumptions: base.spec.assumptions }),
            },
          }),
    } satisfies ExerciseSettings
  })

/**
 * What a create request sets up: from a template, or from the body's settings. The route's `bodyCheck`
 * (`createExerciseIssues`) has refused a body with neither, or with settings beside a template.
 */
export const exerciseSettings = (body: CreateExerciseBody) =>
  Effect.gen(function* () {
    if (body.template !== undefined) return yield* templateSettings(body.template)
    if (body.pack === undefined)
      return yield* Effect.die(
        new Error("a create request with neither pack nor template passed its bodyCheck"),
      )
    return yield* packSettings(body, body.pack)
  })

/** Creates an exercise: a new id, the facilitator's token and a join code per role, kept only as hashes. */
export const createExercise = (body: CreateExerciseBody) =>
  Effect.gen(function* () {
    const settings = yield* exerciseSettings(body)
    const exerciseId = newExerciseId()
    const facilitatorToken = newToken()
    const joinCodes = {
      japan: newJoinCode(),
      ukraine: newJoinCode(),
      russia: newJoinCode(),
      observer: newJoinCode(),
    }
    const joinHash = (role: TeamRole | "observer") =>
      hashSecret(exerciseId, "join", normalizeJoinCode(joinCodes[role]))
    yield* executeExerciseCommand(exerciseId, () =>
      Effect.succeed<ExerciseCommand>({
        _tag: "CreateExercise",
        exerciseId: exerciseId as ExerciseId,
        name: body.name,
        ...settings,
        facilitatorTokenHash: hashSecret(exerciseId, "token", facilitatorToken),
        joinCodeHashes: {
          japan: joinHash("japan"),
          ukraine: joinHash("ukraine"),
          russia: joinHash("russia"),
        },
        observerCodeHash: joinHash("observer"),
        joinCodesSealed: sealJoinCodes(exerciseId, facilitatorToken, joinCodes),
      }),
    )
    return { id: exerciseId, facilitatorToken, joinCodes }
  })
