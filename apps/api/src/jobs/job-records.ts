import { overviewOf } from "./job-overview.js"
import type { JobsOverview, JobView } from "./job-queue.js"

/** A job left queued or running by an earlier process, with what it needs to start again. */
export interface UnfinishedJob {
  readonly job: JobView
  readonly payload: unknown
}

/** Where the in-process engine keeps its jobs: this process's memory, or the SQLite file of the store. */
export interface JobRecords {
  /** Records the job, unless one under its key is queued or running: then answers that one. */
  readonly insert: (job: JobView, payload: unknown) => JobView
  readonly get: (id: string) => JobView | undefined
  /** Applies the change to a job still queued or running (an ended or cancelled job stays as it is). */
  readonly update: (id: string, change: Partial<JobView>) => JobView | undefined
  readonly overview: (now: number) => JobsOverview
  /** Jobs an earlier process left queued or running (none in memory: a new process has no past). */
  readonly unfinished: () => ReadonlyArray<UnfinishedJob>
}

export const inFlight = (job: JobView) => job.status === "queued" || job.status === "running"

/** How long a finished job stays in memory (a run is in its scenario's stream anyway). */
const keepFinishedMs = 10 * 60_000

/** Jobs in this process's memory (the memory store): a restart forgets them, as it forgets the events. */
export const memoryJobRecords = (): JobRecords => {
  const jobs = new Map<string, JobView>()
  return {
    insert: (job) => {
      const existing = [...jobs.values()].find((j) => j.key === job.key && inFlight(j))
      if (existing !== undefined) return existing
      jobs.set(job.id, job)
      return job
    },
    get: (id) => jobs.get(id),
    update: (id, change) => {
      const current = jobs.get(id)
      if (current === undefined || !inFlight(current)) return undefined
      const next = { ...current, ...change, updatedAt: new Date().toISOString() }
      jobs.set(id, next)
      if (!inFlight(next)) setTimeout(() => jobs.delete(id), keepFinishedMs).unref()
      return next
    },
    overview: (now) => overviewOf([...jobs.values()], now),
    unfinished: () => [],
  }
}
