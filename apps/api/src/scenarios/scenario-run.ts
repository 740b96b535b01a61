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
import { JobQueue } from "../jobs/job-queue.js"
import { observationsFor } from "../observations/observation-stream.js"
import { packById } from "../packs/pack-lookup.js"
import { findReport, saveReport } from "../reports/report-store.js"
import { Simulator } from "../simulation/simulator.js"
import { checkWorkCeiling } from "../simulation/work-ceiling.js"
import { executeScenarioCommand, loadScenario } from "./scenario-stream.js"

/** What asking for a run gives: a stored report (unchanged scenario), a fresh one, or a run in the background. */
export type RunOutcome =
  | { readonly kind: "reused"; readonly runId: string; readonly report: Report }
  | { readonly kind: "computed"; readonly runId: string; readonly report: Report }
  | { readonly kind: "started"; readonly runId: string }

const { evolve, initialState } = scenarioDecider(packCatalog)

/** Run ids name their scenario, so that any instance finds a finished run in the scenario's stream. */
export const newRunId = (scenarioId: string) => `${scenarioId}.${randomBytes(8).toString("hex")}` as RunId
export const scenarioOfRun = (runId: string): string | undefined => {
  const dot = runId.lastIndexOf(".")
  return dot > 0 ? runId.slice(0, dot) : undefined
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32)

/** The last completed run whose scenario spec equals `spec`, found by replaying the stream. */
const runForSpec = (
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

/** Runs a scenario: reuses the stored report of an identical spec, computes small runs at once, starts large ones. */
export const runScenario = (scenarioId: ScenarioId) =>
  Effect.gen(function* () {
    const { state, events } = yield* loadScenario(scenarioId)
    // A conditioned spec's report also depends on the observations recorded since: it is computed again.
    const earlier = state.spec.asOf === undefined ? runForSpec(events, state.spec) : undefined
    if (earlier !== undefined) {
      const report = yield* findReport(earlier.reportHash)
      if (report !== undefined) return { kind: "reused", runId: earlier.runId, report } satisfies RunOutcome
    }
    const simulator = yield* Simulator
    const pack = packById(state.spec.pack)
    const observations = yield* observationsFor(pack, state.spec)
    yield* checkWorkCeiling(pack, state.spec, simulator.options.workCeiling)
    const runId = newRunId(scenarioId)
    if (!simulator.runsInBackground(pack, state.spec)) {
      const report = yield* simulator.simulate(pack, state.spec, undefined, observations)
      yield* completeRun(scenarioId, runId, state, report)
      return { kind: "computed", runId, report } satisfies RunOutcome
    }
    // A large run is a durable job: any instance's workers may compute it (apps/api/src/jobs).
    const jobs = yield* JobQueue
    const job = yield* jobs.enqueue({
      kind: "scenario-run",
      id: runId,
      key: `scenario-run:${scenarioId}:${hashOf(canonicalJson(state.spec))}`,
      total: state.spec.runs,
      payload: { scenarioId, version: state.version },
    })
    return { kind: "started", runId: job.id as RunId } satisfies RunOutcome
  })
