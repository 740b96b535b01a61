import { observationSeedOf, type Pack, type ScenarioSpec } from "@accord/domain"
import {
  assembleReport,
  type Comparison,
  ComparisonMismatch,
  compare,
  INDICATOR_IDS,
  type Report,
  type SimulationChunk,
  simulate,
  simulateChunk,
  splitRuns,
} from "@accord/engine"
import { Effect } from "effect"
import { ScenariosNotComparable } from "./cli-errors.js"
import { type Progress, silentProgress } from "./progress-bar.js"
import type { ScenarioSource } from "./scenario-file.js"

/** Runs × months above which a run is long enough (a few hundred ms) to deserve a progress bar. */
const LONG_RUN_WORK = 250_000
/** Chunked runs keep every run's values until assembly; above this we run in one piece, without a bar. */
const CHUNKED_MEMORY_BYTES = 256 * 1024 * 1024
const PROGRESS_STEPS = 40

/**
 * Simulates a spec. Long runs with a live progress bar go in chunks
 * (`simulateChunk` + `assembleReport`, which give the same bytes as
 * `simulate`), yielding between chunks so the bar can move.
 */
export const simulateScenario = (
  pack: Pack,
  spec: ScenarioSpec,
  progress: Progress = silentProgress,
): Effect.Effect<Report> => {
  // Without an event log, a spec with asOf is conditioned on the observations the pack ships.
  const observations = spec.asOf === undefined ? [] : (observationSeedOf(pack.id)?.observations ?? [])
  const months = spec.horizonMonths + 1
  const work = spec.runs * months
  const memory = spec.runs * months * INDICATOR_IDS.length * Float32Array.BYTES_PER_ELEMENT
  if (progress === silentProgress || work < LONG_RUN_WORK || memory > CHUNKED_MEMORY_BYTES) {
    return Effect.sync(() => simulate(pack, spec, observations))
  }
  return Effect.gen(function* () {
    const chunks: Array<SimulationChunk> = []
    const ranges = splitRuns(spec.runs, PROGRESS_STEPS)
    progress.update(0, spec.runs)
    for (const [from, to] of ranges) {
      chunks.push(simulateChunk(pack, spec, from, to, observations))
      progress.update(to, spec.runs)
      yield* Effect.yieldNow()
    }
    progress.finish()
    return assembleReport(pack, spec, chunks, observations)
  })
}

/** Compares two specs run by run; specs that cannot be paired fail with the variant file's positions. */
export const compareScenarios = (
  pack: Pack,
  baseline: { readonly spec: ScenarioSpec; readonly source: ScenarioSource },
  variant: { readonly spec: ScenarioSpec; readonly source: ScenarioSource },
): Effect.Effect<Comparison, ScenariosNotComparable> =>
  Effect.try({
    try: () => compare(pack, baseline.spec, variant.spec),
    catch: (error) => error,
  }).pipe(
    Effect.catchAll((error) => {
      if (!(error instanceof ComparisonMismatch)) return Effect.die(error)
      const issues = error.issues.map((issue) => {
        const field = issue.path.replace(/^variant\./, "")
        const at = variant.source.locate(field, false)
        return {
          file: variant.source.display,
          path: field,
          message: issue.message,
          ...(at === undefined ? {} : { line: at.line, column: at.column }),
        }
      })
      return Effect.fail(
        new ScenariosNotComparable({
          message: `${baseline.source.display} and ${variant.source.display} cannot be compared run by run: pack, runs, seed and horizon must match (set them in the files, or pass --runs, --seed and --horizon to apply to both)`,
          issues,
        }),
      )
    }),
  )
