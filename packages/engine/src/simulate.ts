import type { Observation, Pack, ScenarioSpec } from "@accord/domain"
import { type CompiledModel, compileModel } from "./compiled-model.js"
import { INDICATOR_COUNT } from "./indicator-formulas.js"
import type { Report } from "./report.js"
import { ReportBuilder } from "./report-assembly.js"
import { simulateInBlocks } from "./simulate-in-blocks.js"
import { assembleReport, simulateChunk } from "./simulation-chunk.js"
import { TrajectoryKernel } from "./trajectory-kernel.js"

/**
 * Runs the Monte Carlo simulation of a decoded spec on one thread and returns
 * its report. Memory grows with runs × commitments, not with months: each
 * month is aggregated as soon as every run has reached it.
 * With `spec.asOf`, runs are weighted by the observations dated on or before it
 * (every run's values are kept: weights are known only after the last month).
 * Above BLOCK_THRESHOLD runs (unconditioned), runs are simulated in blocks of BLOCK_RUNS twice
 * (`simulateInBlocks`): the same bytes in the memory of a block, for twice the CPU.
 * Throws SpecDoesNotFitPack or PackIncomplete.
 */
export const simulate = (
  pack: Pack,
  spec: ScenarioSpec,
  observations: ReadonlyArray<Observation> = [],
): Report => {
  if (spec.asOf !== undefined) {
    return assembleReport(pack, spec, [simulateChunk(pack, spec, 0, spec.runs, observations)], observations)
  }
  const model = compileModel(pack, spec)
  return simulationPath(spec) === "blocks" ? simulateInBlocks(model, BLOCK_RUNS) : simulateInMemory(model)
}

/** The in-memory path of `simulate` (unconditioned): every run at once, one pass, month by month. */
export const simulateInMemory = (model: CompiledModel): Report =>
  reportOfKernel(model, new TrajectoryKernel(model, 0, model.runs))

/**
 * A kernel's months read into a report: each month's columns, then the final states. With `skipUnmoved` the
 * report reuses last month's statistics for the columns the kernel says did not move; without it every column
 * is read in full (the plain path the tests and the month-by-month benchmark hold the shortcut to).
 */
export const reportOfKernel = (
  model: CompiledModel,
  kernel: TrajectoryKernel,
  skipUnmoved = true,
): Report => {
  const builder = new ReportBuilder(model)
  const R = model.runs
  for (let m = 0; m < model.months; m++) {
    kernel.advance()
    for (let ind = 0; ind < INDICATOR_COUNT; ind++)
      builder.addMonth(
        ind,
        m,
        kernel.values.subarray(ind * R, (ind + 1) * R),
        !skipUnmoved || kernel.movedIndicators[ind] === 1,
      )
  }
  return builder.build(kernel.finalStateCounts())
}

/**
 * Above this many runs `simulate` takes the block path: in memory, a run costs ~0.9 KB (its parameter draws,
 * commitments' state, running totals and report keys), so one simulation in a fresh process peaks at 98–99 MB
 * at 20,000 runs and 157–162 MB at 100,000 (issue 17's budget: 100 MB for the whole process, which holds ~70 MB
 * before simulating), against 88 MB on the block path; up to it, one pass costs about two thirds of the CPU.
 */
export const BLOCK_THRESHOLD = 20_000
/**
 * Runs per block on the block path: ~0.8 MB of kernel state; 2,500 or 5,000 peaked 3–6 MB higher at 100,000 runs
 * for no CPU the shared machine could measure (docs/benchmarks.md, Engine, round 5).
 */
export const BLOCK_RUNS = 1_000

/** Which path `simulate` takes for a spec (the block path is tested to give the in-memory path's bytes). */
export const simulationPath = (spec: ScenarioSpec): "in-memory" | "blocks" =>
  spec.asOf === undefined && spec.runs > BLOCK_THRESHOLD ? "blocks" : "in-memory"
