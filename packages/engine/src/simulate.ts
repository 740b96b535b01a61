import type { Observation, Pack, ScenarioSpec } from "@accord/domain"
import { compileModel } from "./compiled-model.js"
import { INDICATOR_COUNT } from "./indicator-formulas.js"
import type { Report } from "./report.js"
import { ReportBuilder } from "./report-assembly.js"
import { assembleReport, simulateChunk } from "./simulation-chunk.js"
import { TrajectoryKernel } from "./trajectory-kernel.js"

/**
 * Runs the Monte Carlo simulation of a decoded spec on one thread and returns
 * its report. Memory grows with runs × commitments, not with months: each
 * month is aggregated as soon as every run has reached it.
 * With `spec.asOf`, runs are weighted by the observations dated on or before it
 * (every run's values are kept: weights are known only after the last month).
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
  const kernel = new TrajectoryKernel(model, 0, model.runs)
  const builder = new ReportBuilder(model)
  const R = model.runs
  const column = new Float32Array(R)
  for (let m = 0; m < model.months; m++) {
    kernel.advance()
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      column.set(kernel.values.subarray(ind * R, (ind + 1) * R))
      builder.addMonth(ind, m, column)
    }
  }
  return builder.build(kernel.finalStateCounts())
}
