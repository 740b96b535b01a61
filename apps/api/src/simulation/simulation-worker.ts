// Runs in a worker thread: computes chunks of runs (or whole comparisons) for the main thread.
import { parentPort } from "node:worker_threads"
import type { ActiveExercise, Observation, ScenarioSpec } from "@accord/domain"
import {
  assembleReport,
  type BacktestOptions,
  backtest,
  compare,
  exerciseDebrief,
  projectRoundOutcomes,
  type SampleTask,
  type SimulationChunk,
  type SobolOutputs,
  sampleIndicator,
  simulate,
  simulateChunk,
  simulationChunkTransferables,
  sobolIndices,
} from "@accord/engine"
import { packById } from "../packs/pack-lookup.js"
import { toWorkerFailure } from "./engine-failure.js"

/** What the main thread asks a worker to compute. */
export type SimulationTask =
  | {
      readonly kind: "chunk"
      readonly spec: ScenarioSpec
      readonly fromRun: number
      readonly toRun: number
      readonly observations: ReadonlyArray<Observation>
    }
  /** A whole simulation on one thread (streamed month by month: no chunk to keep or assemble). */
  | {
      readonly kind: "simulate"
      readonly spec: ScenarioSpec
      readonly observations: ReadonlyArray<Observation>
    }
  | {
      readonly kind: "assemble"
      readonly spec: ScenarioSpec
      readonly chunks: ReadonlyArray<SimulationChunk>
      readonly observations: ReadonlyArray<Observation>
    }
  | { readonly kind: "compare"; readonly baseline: ScenarioSpec; readonly variant: ScenarioSpec }
  | { readonly kind: "sample"; readonly task: SampleTask }
  /** A Sobol analysis's indices from its samples: the bootstrap, seconds of work at the recommended N. */
  | { readonly kind: "sobol-indices"; readonly input: SobolOutputs }
  /** A round close's projection: as played with the open round's moves, baseline, no moves. */
  | { readonly kind: "round-outcomes"; readonly state: ActiveExercise }
  | { readonly kind: "debrief"; readonly state: ActiveExercise; readonly round: number | undefined }
  /** A pack's baseline as of a day against the observations after it. */
  | {
      readonly kind: "backtest"
      readonly pack: string
      readonly observations: ReadonlyArray<Observation>
      readonly options: BacktestOptions
    }

/** Computes a task; chunks' typed arrays are transferred, not copied. */
const compute = (task: SimulationTask): { value: unknown; transfer: Array<ArrayBuffer> } => {
  switch (task.kind) {
    case "chunk": {
      const chunk = simulateChunk(
        packById(task.spec.pack),
        task.spec,
        task.fromRun,
        task.toRun,
        task.observations,
      )
      return { value: chunk, transfer: simulationChunkTransferables(chunk) }
    }
    case "simulate":
      return { value: simulate(packById(task.spec.pack), task.spec, task.observations), transfer: [] }
    case "assemble":
      // Quantiles over every run take seconds at 100,000 runs: off the main thread too.
      return {
        value: assembleReport(packById(task.spec.pack), task.spec, task.chunks, task.observations),
        transfer: [],
      }
    case "compare":
      return { value: compare(packById(task.baseline.pack), task.baseline, task.variant), transfer: [] }
    case "sample": {
      const values = sampleIndicator(packById(task.task.spec.pack), task.task)
      return { value: values, transfer: [values.buffer as ArrayBuffer] }
    }
    case "sobol-indices":
      return { value: sobolIndices(packById(task.input.spec.pack), task.input), transfer: [] }
    case "round-outcomes":
      return { value: projectRoundOutcomes(packById(task.state.pack), task.state), transfer: [] }
    case "debrief":
      return { value: exerciseDebrief(packById(task.state.pack), task.state, task.round), transfer: [] }
    case "backtest":
      return { value: backtest(packById(task.pack), task.observations, task.options), transfer: [] }
  }
}

parentPort?.on("message", (task: SimulationTask) => {
  try {
    const { value, transfer } = compute(task)
    parentPort?.postMessage({ ok: true, value }, transfer)
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: toWorkerFailure(error) })
  }
})
