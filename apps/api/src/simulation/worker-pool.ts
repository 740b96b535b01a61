import { availableParallelism } from "node:os"
import { Worker } from "node:worker_threads"
import { fromWorkerFailure, type WorkerFailure } from "./engine-failure.js"

interface Pending {
  readonly message: unknown
  readonly transfer: ReadonlyArray<ArrayBuffer>
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  current: Pending | undefined
}

/** A fixed set of worker threads running one task each at a time, in arrival order. */
export interface WorkerPool {
  readonly size: number
  /**
   * Posts a message (moving `transfer`'s buffers) to a free worker and resolves with its one reply; rejects
   * with the engine's own error class when the engine refused the task (see engine-failure.ts). A task still
   * queued when `signal` aborts (its job was cancelled) leaves the queue and rejects; a started one finishes.
   */
  readonly run: <A>(
    message: unknown,
    transfer?: ReadonlyArray<ArrayBuffer>,
    signal?: AbortSignal,
  ) => Promise<A>
  /** Starts every worker now, so that the first large simulation does not wait for them. */
  readonly warm: () => void
  /** Terminates every worker; tasks still queued or running fail. */
  readonly close: () => Promise<void>
}

/**
 * Starts workers lazily (the first task pays for the start-up, idle services pay nothing).
 * `script` is a JavaScript file Node loads as it is (see worker-script.ts for which one).
 * Tasks queued before a worker is up wait for it; a task's failure rejects that task only.
 */
export const makeWorkerPool = (script: URL, size = availableParallelism()): WorkerPool => {
  const slots: Array<Slot> = []
  const queue: Array<Pending> = []
  let closed = false

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(script), current: undefined }
    slot.worker.on("message", (reply: { ok: true; value: unknown } | { ok: false; error: WorkerFailure }) => {
      const task = slot.current
      slot.current = undefined
      if (task !== undefined) {
        if (reply.ok) task.resolve(reply.value)
        else task.reject(fromWorkerFailure(reply.error))
      }
      dispatch()
    })
    const fail = (error: Error) => {
      const task = slot.current
      slot.current = undefined
      const index = slots.indexOf(slot)
      if (index >= 0) slots.splice(index, 1)
      task?.reject(error)
      if (!closed) dispatch()
    }
    slot.worker.on("error", fail)
    slot.worker.on("exit", (code) => fail(new Error(`simulation worker exited with code ${code}`)))
    slots.push(slot)
    return slot
  }

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const idle =
        slots.find((slot) => slot.current === undefined) ?? (slots.length < size ? spawn() : undefined)
      if (idle === undefined) return
      const task = queue.shift() as Pending
      idle.current = task
      idle.worker.postMessage(task.message, [...task.transfer])
    }
  }

  return {
    size,
    run: <A>(message: unknown, transfer: ReadonlyArray<ArrayBuffer> = [], signal?: AbortSignal) =>
      new Promise<A>((resolve, reject) => {
        if (closed) return reject(new Error("the worker pool is closed"))
        const task: Pending = { message, transfer, resolve: resolve as (value: unknown) => void, reject }
        queue.push(task)
        signal?.addEventListener("abort", () => {
          const index = queue.indexOf(task)
          if (index >= 0) queue.splice(index, 1)
          if (index >= 0) reject(new Error("the task was cancelled"))
        })
        dispatch()
      }),
    warm: () => {
      while (!closed && slots.length < size) spawn()
    },
    close: async () => {
      closed = true
      for (const task of queue.splice(0)) task.reject(new Error("the worker pool closed"))
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()))
    },
  }
}
