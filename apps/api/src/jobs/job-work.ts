import type { RunId, ScenarioId } from "@accord/domain"
import type { EventStore } from "@accord/event-store"
import { Cause, Effect, Option } from "effect"
import { toHttpFailure } from "../http/error-table.js"
import { observationsFor } from "../observations/observation-stream.js"
import { packById } from "../packs/pack-lookup.js"
import { completeRun } from "../scenarios/scenario-run.js"
import { loadScenario } from "../scenarios/scenario-stream.js"
import { Simulator } from "../simulation/simulator.js"
import type { JobError, JobKind, JobPayloads, ReportProgress } from "./job-queue.js"

/** What a job's work may use. */
export type JobWorkServices = EventStore | Simulator

/**
 * A large scenario run: the scenario as it was when the run was asked for, simulated and recorded. A run that
 * is already recorded (its first worker died after recording) is not computed again: its hash is the result.
 */
const scenarioRun = (runId: string, payload: JobPayloads["scenario-run"], progress: ReportProgress) =>
  Effect.gen(function* () {
    const current = yield* loadScenario(payload.scenarioId)
    const recorded = current.state.runs.find((run) => run.runId === runId)
    if (recorded !== undefined) return recorded.reportHash
    const { state } = yield* loadScenario(payload.scenarioId, payload.version)
    const simulator = yield* Simulator
    const pack = packById(state.spec.pack)
    const observations = yield* observationsFor(pack, state.spec)
    const report = yield* simulator.simulate(pack, state.spec, progress, observations)
    yield* completeRun(payload.scenarioId as ScenarioId, runId as RunId, state, report)
    return report.hash
  })

/** The work of each kind of job; its result is a short string (a report hash). */
export const jobWork = (
  kind: JobKind,
  id: string,
  payload: unknown,
  progress: ReportProgress,
): Effect.Effect<string, unknown, JobWorkServices> => {
  switch (kind) {
    case "scenario-run":
      return scenarioRun(id, payload as JobPayloads["scenario-run"], progress)
  }
}

/** How a job failed, in the API's error shape, and whether trying again could help. */
export const describeFailure = (cause: Cause.Cause<unknown>): { error: JobError; retry: boolean } => {
  const failure = Option.flatMap(Cause.failureOption(cause), (e) => Option.fromNullable(toHttpFailure(e)))
  if (Option.isSome(failure)) {
    const { status, body } = failure.value
    // A client's error (the scenario changed, the work is too large) fails the same way every time.
    return { error: { error: body.error, message: body.message }, retry: status >= 500 }
  }
  return { error: { error: "InternalError", message: "the job failed; it has been logged" }, retry: true }
}
