import { lifecycleStates } from "@accord/domain"
import { BlockQuantiles } from "./block-quantiles.js"
import type { CompiledModel } from "./compiled-model.js"
import { INDICATOR_COUNT } from "./indicator-formulas.js"
import { KernelMemory } from "./kernel-memory.js"
import type { Report } from "./report.js"
import { isRepresentativeColumn, ReportBuilder } from "./report-assembly.js"
import { closestRun } from "./run-statistics.js"
import { TrajectoryKernel } from "./trajectory-kernel.js"

/**
 * `simulate` without every run in memory (issue 17: 100,000 runs within 100 MB): runs [0, runs) in blocks of
 * `blockRuns`, each block stepped through every month and dropped. Quantiles over blocks take two passes
 * (`BlockQuantiles`): the second simulates the blocks again (counter-based draws: the same values), so the
 * path costs about twice the CPU of the in-memory one for a memory of a block's runs. The same report, byte
 * for byte, as the in-memory path (`block-simulation.unit.spec.ts`). Unconditioned specs only.
 */
export const simulateInBlocks = (model: CompiledModel, blockRuns: number): Report => {
  const quantiles = new BlockQuantiles(model.months)
  const headlineColumn = new Float32Array(model.runs)
  const finalStateCounts = new Int32Array(model.commitmentCount * lifecycleStates.length)
  forEachBlock(model, blockRuns, (kernel) => {
    const R = kernel.runCount
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      const values = kernel.values.subarray(ind * R, (ind + 1) * R)
      quantiles.observe(ind * model.months + kernel.month, values, kernel.fromRun === 0)
      if (isRepresentativeColumn(ind, kernel.month, model.horizon)) headlineColumn.set(values, kernel.fromRun)
    }
    if (kernel.month === model.months - 1) {
      const counts = kernel.finalStateCounts()
      for (let k = 0; k < counts.length; k++)
        finalStateCounts[k] = (finalStateCounts[k] as number) + (counts[k] as number)
    }
  })
  if (quantiles.plan(model.runs) > 0) {
    forEachBlock(model, blockRuns, (kernel) => {
      const R = kernel.runCount
      for (let ind = 0; ind < INDICATOR_COUNT; ind++)
        quantiles.gather(ind * model.months + kernel.month, kernel.values.subarray(ind * R, (ind + 1) * R))
    })
  }
  const builder = new ReportBuilder(model)
  for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
    for (let m = 0; m < model.months; m++) {
      const stats = quantiles.statistics(ind * model.months + m, model.runs)
      builder.addStatistics(ind, m, stats)
      if (isRepresentativeColumn(ind, m, model.horizon))
        builder.setRepresentative(closestRun(headlineColumn, stats.p50))
    }
  }
  return builder.build(finalStateCounts)
}

/** Steps each block of runs through every month in run order, calling `visit` after each month. */
const forEachBlock = (
  model: CompiledModel,
  blockRuns: number,
  visit: (kernel: TrajectoryKernel) => void,
): void => {
  const memory = new KernelMemory(true)
  for (let from = 0; from < model.runs; from += blockRuns) {
    memory.rewind()
    const kernel = new TrajectoryKernel(
      model,
      from,
      Math.min(model.runs, from + blockRuns),
      null,
      null,
      "geometric",
      memory,
    )
    for (let m = 0; m < model.months; m++) {
      kernel.advance()
      visit(kernel)
    }
  }
}
