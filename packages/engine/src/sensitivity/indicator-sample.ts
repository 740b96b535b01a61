import type { Pack, ScenarioSpec } from "@accord/domain"
import { Effect } from "effect"
import { compileModel } from "../compiled-model.js"
import { INDICATOR_IDS } from "../indicator-formulas.js"
import { quantileOfSorted, sumInRunOrder } from "../run-statistics.js"
import { TrajectoryKernel } from "../trajectory-kernel.js"
import { type SaltelliRows, saltelliParameters } from "./saltelli.js"

/**
 * One batch of runs whose only output is one indicator at one month: the unit of work of sensitivity
 * analysis and goal seeking (a worker thread computes one; nothing else of the runs is kept).
 */
export interface SampleTask {
  readonly spec: ScenarioSpec
  /** The spec whose interventions name the random streams (common random numbers when a lever moves). */
  readonly streams?: ScenarioSpec
  readonly indicator: string
  readonly month: number
  /** Run indices [fromRun, toRun): the run index keys every random stream of the run but the parameters. */
  readonly fromRun: number
  readonly toRun: number
  /** Parameter values (runs × pack parameters) instead of draws, or none. */
  readonly parameters?: Float64Array
  /** Parameter values drawn from rows of a Saltelli matrix (by whoever samples the task), instead of draws. */
  readonly saltelli?: SaltelliRows
}

/** The indicator at the month in each run of the task, as float32 like every report's values. */
export const sampleIndicator = (pack: Pack, task: SampleTask): Float64Array =>
  sampleIndicators(pack, task, [task.indicator])[0] as Float64Array

/** Several indicators of the same runs at the task's month (its `indicator` is ignored). */
export const sampleIndicators = (
  pack: Pack,
  task: SampleTask,
  indicators: ReadonlyArray<string>,
): Array<Float64Array> => {
  const model = compileModel(pack, task.spec, task.streams ?? task.spec)
  const slots = indicators.map((id) => (INDICATOR_IDS as ReadonlyArray<string>).indexOf(id))
  const runs = task.toRun - task.fromRun
  if (
    slots.some((slot) => slot < 0) ||
    !(Number.isInteger(task.month) && task.month >= 0 && task.month < model.months)
  ) {
    throw new RangeError(`sampleIndicator: no indicator '${indicators.join(", ")}' at month ${task.month}`)
  }
  if (!(Number.isInteger(task.fromRun) && task.fromRun >= 0 && runs > 0)) {
    throw new RangeError(
      `sampleIndicator: expected 0 ≤ fromRun < toRun, got [${task.fromRun}, ${task.toRun})`,
    )
  }
  if (task.parameters !== undefined && task.parameters.length !== runs * model.parameterCount) {
    throw new RangeError(`sampleIndicator: expected ${runs} × ${model.parameterCount} parameter values`)
  }
  const parameters =
    task.saltelli === undefined
      ? (task.parameters ?? null)
      : saltelliParameters(model, task.saltelli, task.fromRun, task.toRun)
  const kernel = new TrajectoryKernel(model, task.fromRun, task.toRun, null, parameters)
  // Months after the one asked for cannot change it: stop there.
  for (let m = 0; m <= task.month; m++) kernel.advance()
  return slots.map((slot) => {
    const out = new Float64Array(runs)
    for (let r = 0; r < runs; r++) out[r] = Math.fround(kernel.values[slot * runs + r] as number)
    return out
  })
}

/**
 * Computes sample tasks, in order: in place (`localSampler`), or on worker threads (the API's pool).
 * The algorithms only see this, so they give the same bytes however the tasks are computed.
 */
export type Sampler<E = never> = (
  tasks: ReadonlyArray<SampleTask>,
) => Effect.Effect<ReadonlyArray<Float64Array>, E>

export const localSampler =
  (pack: Pack): Sampler =>
  (tasks) =>
    Effect.sync(() => tasks.map((task) => sampleIndicator(pack, task)))

/** Mean of the values, summed in run order (the same bytes on every machine). */
export const meanOf = (values: Float64Array): number =>
  values.length === 0 ? 0 : sumInRunOrder(values) / values.length

/** Median (R type 7, as reports' p50). */
export const medianOf = (values: Float64Array): number =>
  quantileOfSorted(Float64Array.from(values).sort(), 0.5)
