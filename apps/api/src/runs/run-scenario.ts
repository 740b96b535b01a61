import type { RunId, ScenarioId } from "@accord/domain"
import { canonicalJson, type Report } from "@accord/engine"
import { Effect } from "effect"
import { JobQueue } from "../jobs/job-queue.js"
import { observationsFor } from "../observations/observation-stream.js"
import { packById } from "../packs/pack-lookup.js"
import { findReport } from "../reports/report-store.js"
import { completeRun, hashOf, newRunId, runForSpec } from "../scenarios/scenario-run.js"
import { loadScenario } from "../scenarios/scenario-stream.js"
import { Simulator } from "../simulation/simulator.js"
import { checkWorkCeiling } from "../simulation/work-ceiling.js"

/** What asking for a run gives: a stored report (unchanged scenario), a fresh one, or a run in the background. */
export type RunOutcome =
  | { readonly kind: "reused"; readonly runId: string; readonly report: Report }
  | { readonly kind: "computed"; readonly runId: string; readonly report: Report }
  | { readonly kind: "started"; readonly runId: string }

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
