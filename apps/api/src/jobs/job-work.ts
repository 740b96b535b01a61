import type { RunId, ScenarioId } from "@accord/domain"
import type { EventStore } from "@accord/event-store"
import { Cause, Effect, Option } from "effect"
import { analysisJob } from "../analysis/analysis-job.js"
import { toHttpFailure } from "../http/error-table.js"
import { observationsFor } from "../observations/observation-stream.js"
import { packById } from "../packs/pack-lookup.js"
import { completeRun } from "../scenarios/scenario-run.js"
import { loadScenario } from "../scenarios/scenario-stream.js"
import { Simulator } from "../simulation/simulator.js"
import { ChunkedRuns } from "./chunked-job.js"
import { injectedFault } from "./job-fault.js"
import type { JobError, JobKind, JobPayloads, ReportProgress } from "./job-queue.js"

/** What a job's work may use. */
export type JobWorkServices = EventStore | Simulator

/**
 * A large scenario run: the scenario as it was when the run was asked for, simulated and recorded. A run that
 * is already recorded (its first worker died after recording) is not computed again: its hash is the result.
 * On PostgreSQL a very large run splits into chunks that every instance computes (chunked-job.ts).
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
    const chunked = yield* Effect.serviceOption(ChunkedRuns)
    const report = yield* Option.isSome(chunked)
      ? chunked.value.simulate(runId, pack, state.spec, observations, progress)
      : simulator.simulate(pack, state.spec, progress, observations)
    yield* completeRun(payload.scenarioId as ScenarioId, runId as RunId, state, report)
    if (Option.isSome(chunked)) yield* chunked.value.forget(runId)
    return report.hash
  })

/** The work of each kind of job; its result is a short string (a report's or an analysis's hash). */
export const jobWork = (
  kind: JobKind,
  id: string,
  payload: unknown,
  progress: ReportProgress,
): Effect.Effect<string, unknown, JobWorkServices> => {
  const fault = injectedFault(kind)
  if (fault !== undefined) return fault
  switch (kind) {
    case "scenario-run":
      return scenarioRun(id, payload as JobPayloads["scenario-run"], progress)
    case "sensitivity":
    case "goal":
    case "backtest":
    case "debrief":
      return chunkedAnalysis(kind, id, payload as JobPayloads[typeof kind], progress)
  }
}

/**
 * An analysis job; on PostgreSQL a Sobol analysis's matrix rows are chunk jobs that every instance computes
 * (chunked-job.ts), forgotten once the result is stored.
 */
const chunkedAnalysis = (
  kind: Exclude<JobKind, "scenario-run">,
  id: string,
  payload: JobPayloads[Exclude<JobKind, "scenario-run">],
  progress: ReportProgress,
) =>
  Effect.gen(function* () {
    const chunked = yield* Effect.serviceOption(ChunkedRuns)
    if (Option.isNone(chunked)) return yield* analysisJob(kind, payload, progress)
    const hash = yield* analysisJob(kind, payload, progress, (pack) =>
      chunked.value.sampler(id, pack, progress),
    )
    if (kind === "sensitivity") yield* chunked.value.forget(id)
    return hash
  })

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
