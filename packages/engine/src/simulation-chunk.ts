import type { Observation, Pack, ScenarioSpec } from "@accord/domain"
import { compileModel } from "./compiled-model.js"
import { conditionedRuns } from "./conditioned-runs.js"
import { addLogLikelihood, compileConditioning } from "./conditioning.js"
import { INDICATOR_COUNT } from "./indicator-formulas.js"
import type { Report } from "./report.js"
import { ReportBuilder } from "./report-assembly.js"
import { TrajectoryKernel } from "./trajectory-kernel.js"

/**
 * The result of runs [fromRun, toRun) of a scenario, as plain typed arrays so
 * that a worker thread can transfer it (see `simulationChunkTransferables`).
 */
export interface SimulationChunk {
  readonly fromRun: number
  readonly toRun: number
  readonly months: number
  readonly indicatorCount: number
  readonly commitmentCount: number
  /** values[(indicator * months + month) * (toRun - fromRun) + run - fromRun], float32 as reports use them. */
  readonly values: Float32Array
  /** Runs ending in each lifecycle state: finalStateCounts[commitment * 5 + state]. */
  readonly finalStateCounts: Int32Array
  /** With `asOf`: each run's log-likelihood of the observations (run order). */
  readonly logLikelihood?: Float64Array
  /** With `asOf`: each run's final state index, finalStates[run * commitments + commitment]. */
  readonly finalStates?: Int8Array
}

/** Simulates runs [fromRun, toRun) of a spec: the unit of work of one worker thread. */
export const simulateChunk = (
  pack: Pack,
  spec: ScenarioSpec,
  fromRun: number,
  toRun: number,
  observations: ReadonlyArray<Observation> = [],
): SimulationChunk => {
  const model = compileModel(pack, spec)
  const conditioning = compileConditioning(model, observations)
  if (
    !(
      Number.isInteger(fromRun) &&
      Number.isInteger(toRun) &&
      0 <= fromRun &&
      fromRun < toRun &&
      toRun <= model.runs
    )
  ) {
    throw new RangeError(
      `simulateChunk: expected 0 ≤ fromRun < toRun ≤ ${model.runs}, got [${fromRun}, ${toRun})`,
    )
  }
  const kernel = new TrajectoryKernel(model, fromRun, toRun)
  const R = toRun - fromRun
  const values = new Float32Array(INDICATOR_COUNT * model.months * R)
  const logLikelihood = conditioning === undefined ? undefined : new Float64Array(R)
  for (let m = 0; m < model.months; m++) {
    kernel.advance()
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      values.set(kernel.values.subarray(ind * R, (ind + 1) * R), (ind * model.months + m) * R)
    }
    if (conditioning !== undefined && logLikelihood !== undefined)
      addLogLikelihood(conditioning, kernel, logLikelihood)
  }
  return {
    fromRun,
    toRun,
    months: model.months,
    indicatorCount: INDICATOR_COUNT,
    commitmentCount: model.commitmentCount,
    values,
    finalStateCounts: kernel.finalStateCounts(),
    ...(logLikelihood === undefined
      ? {}
      : { logLikelihood, finalStates: finalStatesOf(kernel, model.commitmentCount) }),
  }
}

const finalStatesOf = (kernel: TrajectoryKernel, C: number): Int8Array => {
  const states = new Int8Array(kernel.runCount * C)
  for (let r = 0; r < kernel.runCount; r++)
    for (let c = 0; c < C; c++) states[r * C + c] = kernel.stateOf(r, c)
  return states
}

/** The buffers to pass as `transferList` when posting a chunk from a worker. */
export const simulationChunkTransferables = (chunk: SimulationChunk): Array<ArrayBuffer> => [
  chunk.values.buffer as ArrayBuffer,
  chunk.finalStateCounts.buffer as ArrayBuffer,
  ...(chunk.logLikelihood === undefined ? [] : [chunk.logLikelihood.buffer as ArrayBuffer]),
  ...(chunk.finalStates === undefined ? [] : [chunk.finalStates.buffer as ArrayBuffer]),
]

/** Splits runs into at most `parts` contiguous ranges [fromRun, toRun) of near-equal size. */
export const splitRuns = (runs: number, parts: number): Array<readonly [number, number]> => {
  const n = Math.max(1, Math.min(runs, Math.floor(parts)))
  return Array.from(
    { length: n },
    (_, i) => [Math.floor((i * runs) / n), Math.floor(((i + 1) * runs) / n)] as const,
  )
}

/**
 * Joins chunks that together cover runs [0, runs) exactly once, in any order,
 * into the report `simulate` gives for the same spec: the same bytes, the same hash.
 */
export const assembleReport = (
  pack: Pack,
  spec: ScenarioSpec,
  chunks: ReadonlyArray<SimulationChunk>,
  observations: ReadonlyArray<Observation> = [],
): Report => {
  const model = compileModel(pack, spec)
  const ordered = [...chunks].sort((a, b) => a.fromRun - b.fromRun)
  let next = 0
  for (const chunk of ordered) {
    if (
      chunk.fromRun !== next ||
      chunk.months !== model.months ||
      chunk.commitmentCount !== model.commitmentCount
    ) {
      throw new RangeError(
        `assembleReport: chunks must cover runs 0..${model.runs} once, for this spec (at run ${next})`,
      )
    }
    next = chunk.toRun
  }
  if (next !== model.runs)
    throw new RangeError(`assembleReport: chunks end at run ${next}, expected ${model.runs}`)
  const conditioning = compileConditioning(model, observations)
  const builder = new ReportBuilder(
    model,
    conditioning === undefined ? undefined : conditionedRuns(model, conditioning, ordered),
  )
  const column = new Float32Array(model.runs)
  for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
    for (let m = 0; m < model.months; m++) {
      for (const chunk of ordered) {
        const R = chunk.toRun - chunk.fromRun
        const at = (ind * model.months + m) * R
        column.set(chunk.values.subarray(at, at + R), chunk.fromRun)
      }
      builder.addMonth(ind, m, column)
    }
  }
  const counts = new Int32Array(ordered[0]?.finalStateCounts.length ?? 0)
  for (const chunk of ordered) {
    for (let k = 0; k < counts.length; k++)
      counts[k] = (counts[k] as number) + (chunk.finalStateCounts[k] as number)
  }
  return builder.build(counts)
}
