import type { CompiledModel } from "../compiled-model.js"
import { runKey, streamId, streamKey, triangular, uniform } from "../random-stream.js"

/**
 * Which Saltelli matrix (sobol.ts) a sample task's parameter rows come from: A, B, or A with the column of
 * one parameter (its index in the pack) taken from B. A task names its rows instead of carrying them, so that
 * whichever thread samples it draws them: the matrices are never built whole, nor sent anywhere.
 */
export interface SaltelliRows {
  readonly matrix: "A" | "B" | number
  /** The run index of the matrix's row 0 (the run index keys the runs' random events, the row their parameters). */
  readonly firstRun: number
}

const streamsOf = (model: CompiledModel, which: "A" | "B") =>
  model.parameterIds.map((id) => streamId(`sobol:${which}:${id}`))

/**
 * The parameter values of runs [fromRun, toRun) of a matrix (runs × parameters): row j of A (of B) draws each
 * parameter from its (overridden) range, keyed by the seed, j and the parameter's A (B) stream.
 */
export const saltelliParameters = (
  model: CompiledModel,
  rows: SaltelliRows,
  fromRun: number,
  toRun: number,
): Float64Array => {
  const P = model.parameterCount
  const { matrix, firstRun } = rows
  if (
    fromRun < firstRun ||
    (typeof matrix === "number" && !(Number.isInteger(matrix) && matrix >= 0 && matrix < P))
  ) {
    throw new RangeError(
      `saltelliParameters: no rows of matrix ${matrix} from run ${firstRun} at run ${fromRun}`,
    )
  }
  const main = streamsOf(model, matrix === "B" ? "B" : "A")
  const swapped = typeof matrix === "number" ? (streamsOf(model, "B")[matrix] as number) : -1
  const out = new Float64Array((toRun - fromRun) * P)
  for (let run = fromRun; run < toRun; run++) {
    const key = runKey(model.seed, run - firstRun)
    const at = (run - fromRun) * P
    for (let k = 0; k < P; k++) {
      const stream = k === matrix ? swapped : (main[k] as number)
      const u = uniform(streamKey(key, stream), 0, 0)
      out[at + k] = triangular(u, model.low[k] as number, model.mode[k] as number, model.high[k] as number)
    }
  }
  return out
}
