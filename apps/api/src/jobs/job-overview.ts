import type { JobStatus, JobsOverview, JobView } from "./job-queue.js"
import { overviewLimit } from "./job-queue.js"

const statuses: ReadonlyArray<JobStatus> = ["queued", "running", "completed", "failed", "cancelled"]

/** The operator's view of a set of jobs (the in-process engine's; PostgreSQL counts in SQL). */
export const overviewOf = (jobs: ReadonlyArray<JobView>, now: number): JobsOverview => {
  const inFlight = jobs.filter((job) => job.status === "queued" || job.status === "running")
  const counts = Object.fromEntries(statuses.map((s) => [s, jobs.filter((job) => job.status === s).length]))
  const oldest = Math.min(now, ...inFlight.map((job) => Date.parse(job.createdAt)))
  return {
    inFlight: inFlight.slice(0, overviewLimit),
    recentFailures: jobs
      .filter((job) => job.status === "failed")
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, overviewLimit),
    counts: counts as JobsOverview["counts"],
    oldestInFlightSeconds: Math.round((now - oldest) / 100) / 10,
  }
}

/** The wait before try `attempt + 1`: doubling from the first delay, with up to as much again at random. */
export const backoffMs = (attempt: number, firstDelaySeconds: number) =>
  firstDelaySeconds * 1000 * 2 ** (attempt - 1) * (1 + Math.random())
