import { type CreateExercise, defaultBudgets, InvalidInput } from "@accord/domain"
import { Effect } from "effect"
import { loadScenario } from "../scenarios/scenario-stream.js"
import type { CreateExerciseBody } from "./exercise-routes.js"
import { loadTemplate } from "./exercise-templates.js"

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

// A template carries the whole setup: other settings beside it would be silently ignored, so they are refused.
const SETTINGS = [
  "pack",
  "roundMonths",
  "rounds",
  "seed",
  "runs",
  "budgets",
  "baseScenario",
  "approval",
  "clock",
]

/**
 * What a create request sets up: from a template (a clean copy of a saved
 * exercise's setup), or from the body's settings with defaults, starting
 * from a saved scenario when it names one.
 */
export const exerciseSettings = (body: typeof CreateExerciseBody.Type) =>
  Effect.gen(function* () {
    if (body.template !== undefined) {
      const extra = SETTINGS.filter((key) => (body as Record<string, unknown>)[key] !== undefined)
      if (extra.length > 0)
        return yield* new InvalidInput({
          message: "a template carries the exercise's setup: send only its id and a name",
          issues: extra.map((path) => ({ path, message: "not allowed beside 'template'" })),
        })
      const template = yield* loadTemplate(body.template)
      const { setup } = template
      return {
        ...setup,
        plannedInjections: setup.plannedInjections,
        template: template.templateId,
      } satisfies ExerciseSettings
    }
    if (body.pack === undefined)
      return yield* new InvalidInput({
        message: "an exercise needs a pack (or a template)",
        issues: [{ path: "pack", message: "required unless 'template' is given" }],
      })
    const base = body.baseScenario === undefined ? undefined : (yield* loadScenario(body.baseScenario)).state
    return {
      pack: body.pack,
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
