import type { Pack } from "@accord/domain"
import type { SampleTask } from "@accord/engine"
import { Effect } from "effect"
import { workOf } from "../simulation/work-ceiling.js"

/**
 * Sample tasks (the rows of a Sobol analysis's Saltelli matrices, named, not carried: saltelli.ts) as chunks
 * of a job split across instances. A chunk is a run of consecutive tasks; its `fromRun` and `toRun` count
 * evaluations (the rows of the tasks before it, and with it), so that the chunk table keys it and progress
 * counts it like a chunk of runs. Its stored result is every task's values, float64, in task order: the same
 * bits as the sampler of one process gives, merged in task order.
 */
export interface SampleChunk {
  readonly fromRun: number
  readonly toRun: number
  /** Tasks [fromTask, toTask) of the sampler's call. */
  readonly fromTask: number
  readonly toTask: number
}

const rowsOf = (task: SampleTask) => task.toRun - task.fromRun

/** Commitment-months of sample tasks (as the simulator's sampler counts them). */
export const sampleWork = (pack: Pack, tasks: ReadonlyArray<SampleTask>) =>
  tasks.reduce((sum, task) => sum + workOf(pack, { ...task.spec, runs: rowsOf(task) }), 0)

/** Whether tasks can travel as JSON (a task carrying parameter values is computed where it is). */
export const namedOnly = (tasks: ReadonlyArray<SampleTask>) => tasks.every((t) => t.parameters === undefined)

/** Consecutive tasks in chunks of at most `chunkWork` commitment-months (at least one task each). */
export const sampleChunks = (
  pack: Pack,
  tasks: ReadonlyArray<SampleTask>,
  chunkWork: number,
): Array<SampleChunk> => {
  const chunks: Array<SampleChunk> = []
  let first = 0
  let fromRun = 0
  let rows = 0
  let work = 0
  tasks.forEach((task, t) => {
    const taskWork = sampleWork(pack, [task])
    if (t > first && work + taskWork > chunkWork) {
      chunks.push({ fromRun, toRun: fromRun + rows, fromTask: first, toTask: t })
      first = t
      fromRun += rows
      rows = 0
      work = 0
    }
    rows += rowsOf(task)
    work += taskWork
  })
  if (tasks.length > first)
    chunks.push({ fromRun, toRun: fromRun + rows, fromTask: first, toTask: tasks.length })
  return chunks
}

/** A chunk's values as stored: each task's float64 values, in task order (every bit kept). */
export const encodeSamples = (values: ReadonlyArray<Float64Array>): Buffer =>
  Buffer.concat(values.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)))

/** A stored chunk's values, one array per task (copied: the stored bytes need not be aligned). */
export const decodeSamples = (tasks: ReadonlyArray<SampleTask>, stored: Buffer) =>
  Effect.suspend(() => {
    const expected = tasks.reduce((sum, task) => sum + rowsOf(task) * 8, 0)
    if (stored.byteLength !== expected) {
      return Effect.dieMessage(`a stored sample chunk has ${stored.byteLength} bytes, not ${expected}`)
    }
    let at = 0
    return Effect.succeed(
      tasks.map((task) => {
        const copy = new Uint8Array(rowsOf(task) * 8)
        copy.set(stored.subarray(at, at + copy.byteLength))
        at += copy.byteLength
        return new Float64Array(copy.buffer)
      }),
    )
  })
