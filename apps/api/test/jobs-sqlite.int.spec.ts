import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { EventStore } from "@accord/event-store"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteJobsLive } from "../src/jobs/in-process-jobs.js"
import { JobQueue, type JobView } from "../src/jobs/job-queue.js"
import { openSqliteJobRecords } from "../src/jobs/sqlite-job-records.js"
import { apiLayer } from "../src/server.js"

const dir = mkdtempSync(join(tmpdir(), "accord-jobs-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A job row as a killed process leaves it: running, on its `attempts`-th try. */
const leftRunning = (id: string, attempts: number): JobView => {
  const now = new Date().toISOString()
  return {
    id,
    kind: "scenario-run",
    key: `scenario-run:${id}`,
    status: "running",
    done: 10,
    total: 20_000,
    attempts,
    worker: "gone:1",
    createdAt: now,
    updatedAt: now,
  }
}

describe("jobs recorded in the SQLite file", () => {
  it("on start: a job left running is started again, one on its last try is failed; neither stays running", async () => {
    const file = join(dir, "accord.sqlite")
    const records = openSqliteJobRecords(file)
    const payload = { scenarioId: "00000000-0000-4000-8000-000000000000", version: 1 }
    records.insert(leftRunning("last-try", 3), payload)
    records.insert(leftRunning("second-try", 1), payload)
    records.close()

    const runtime = ManagedRuntime.make(apiLayer(EventStore.memory(), {}, SqliteJobsLive(file)))
    try {
      const get = (id: string) => runtime.runPromise(Effect.flatMap(JobQueue, (jobs) => jobs.get(id)))
      expect(await get("last-try")).toMatchObject({
        status: "failed",
        attempts: 3,
        error: { error: "WorkerLost" },
      })
      // Started again as its second attempt; its scenario is not in this (empty) store: a client's error,
      // failed at once without retries.
      let resumed = await get("second-try")
      for (let i = 0; i < 100 && resumed?.status !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        resumed = await get("second-try")
      }
      expect(resumed).toMatchObject({ status: "failed", attempts: 2, error: { error: "ScenarioNotFound" } })
      const overview = await runtime.runPromise(Effect.flatMap(JobQueue, (jobs) => jobs.overview()))
      expect(overview.counts).toMatchObject({ running: 0, queued: 0, failed: 2 })
    } finally {
      await runtime.dispose()
    }
  })
})
