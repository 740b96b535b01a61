import { createHash, randomBytes } from "node:crypto"
import {
  type ActiveScenario,
  packCatalog,
  type RunCompleted,
  type RunId,
  type ScenarioEvent,
  type ScenarioId,
  type ScenarioState,
  scenarioDecider,
} from "@accord/domain"
import { canonicalJson, type Report } from "@accord/engine"
import type { RecordedEvent } from "@accord/event-store"
import { Effect } from "effect"
import { Conflict } from "../http/api-error.js"
import { saveReport } from "../reports/report-store.js"
import { executeScenarioCommand, loadScenario } from "./scenario-stream.js"

const { evolve, initialState } = scenarioDecider(packCatalog)

/** Run ids name their scenario, so that any instance finds a finished run in the scenario's stream. */
export const newRunId = (scenarioId: string) => `${scenarioId}.${randomBytes(8).toString("hex")}` as RunId
export const scenarioOfRun = (runId: string): string | undefined => {
  const dot = runId.lastIndexOf(".")
  return dot > 0 ? runId.slice(0, dot) : undefined
}

export const hashOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32)

/** The last completed run whose scenario spec equals `spec`, found by replaying the stream. */
export const runForSpec = (
  events: ReadonlyArray<RecordedEvent<ScenarioEvent>>,
  spec: ActiveScenario["spec"],
): RunCompleted | undefined => {
  const wanted = canonicalJson(spec)
  let state: ScenarioState = initialState
  let found: RunCompleted | undefined
  for (const event of events) {
    state = evolve(state, event.data)
    if (
      event.data._tag === "RunCompleted" &&
      state._tag === "ActiveScenario" &&
      canonicalJson(state.spec) === wanted
    ) {
      found = event.data
    }
  }
  return found
}

/**
 * Stores the report and records the run. When the scenario moved on while the run computed, the run is
 * recorded only if the spec is still the one that ran (e.g. another run or a branch came in between), and
 * never twice: a job taken over from a crashed instance may finish beside the one it replaced.
 */
export const completeRun = (scenarioId: ScenarioId, runId: RunId, ranAt: ActiveScenario, report: Report) =>
  Effect.gen(function* () {
    yield* saveReport(report)
    const record = (expected: number) =>
      executeScenarioCommand(
        {
          _tag: "RecordRun",
          scenarioId,
          runId,
          reportHash: report.hash,
          runs: report.runs,
          seed: report.seed,
        },
        expected,
      )
    yield* record(ranAt.version).pipe(
      Effect.catchTag("ExpectedVersionMismatch", () =>
        Effect.gen(function* () {
          const { state } = yield* loadScenario(scenarioId)
          if (state.runs.some((run) => run.runId === runId)) return state.version
          if (canonicalJson(state.spec) !== canonicalJson(ranAt.spec)) {
            return yield* new Conflict({
              message: `scenario '${scenarioId}' changed while it ran (now at version ${state.version}); run it again`,
              reason: "ExpectedVersionMismatch",
            })
          }
          return yield* record(state.version)
        }),
      ),
    )
  })
