import { randomUUID } from "node:crypto"
import type { SensitivityResult } from "@accord/engine"

/** A sensitivity analysis computing in the background: its progress, then its result (kept in memory). */
export interface AnalysisJob {
  readonly id: string
  readonly status: "running" | "completed" | "failed"
  readonly done: number
  readonly total: number
  readonly result?: SensitivityResult
  readonly error?: { readonly error: string; readonly message: string }
}

type Listener = (job: AnalysisJob) => void

/** How long a finished analysis stays available (it is not stored: rerunning it gives the same bytes). */
const keepFinishedMs = 10 * 60_000

/**
 * Background analyses of this instance. Results are a pure function of the request, so they are not
 * persisted: after a restart or on another instance, the client posts the request again.
 */
export const makeAnalysisJobs = () => {
  const jobs = new Map<string, AnalysisJob>()
  const listeners = new Map<string, Set<Listener>>()
  const update = (id: string, change: Partial<Omit<AnalysisJob, "id">>) => {
    const current = jobs.get(id)
    if (current === undefined) return
    const next = { ...current, ...change }
    jobs.set(id, next)
    for (const listener of listeners.get(id) ?? []) listener(next)
    if (next.status !== "running") {
      listeners.delete(id)
      setTimeout(() => jobs.delete(id), keepFinishedMs).unref()
    }
  }
  return {
    start: (total: number): string => {
      const id = randomUUID()
      jobs.set(id, { id, status: "running", done: 0, total })
      return id
    },
    update,
    get: (id: string) => jobs.get(id),
    /** Calls `listener` with every change; returns the function that stops it. */
    listen: (id: string, listener: Listener) => {
      const set = listeners.get(id) ?? new Set<Listener>()
      set.add(listener)
      listeners.set(id, set)
      return () => {
        set.delete(listener)
      }
    },
  }
}

/** The analyses of this process (one service per process). */
export const analysisJobs = makeAnalysisJobs()
