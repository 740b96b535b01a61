import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { silentLogger } from "../src/http/request-log.js"
import { type ServerOptions, startServer } from "../src/server.js"

const pgUrl = process.env.ACCORD_TEST_PG_URL
if (!pgUrl)
  console.warn("\n*** SKIPPED: PostgreSQL observation restart test (ACCORD_TEST_PG_URL not set) ***\n")

const path = "/api/packs/sybiha-visit-2025/observations"
const observation = {
  id: "restart-check",
  date: "2026-03-02",
  about: { indicator: "defense.consultations_held" },
  value: 0,
  confidence: "L",
  note: "recorded before a restart",
}
type Listed = { version: number; observations: Array<{ id: string }> }

/** Records an observation on one server, restarts on the same store, and reads it back. */
const survivesRestart = async (options: ServerOptions) => {
  const start = () =>
    startServer({ port: 0, logger: silentLogger, simulator: { warmWorkers: false }, ...options })
  let server = await start()
  try {
    const before = (await (await fetch(`${server.url}${path}`)).json()) as Listed
    const posted = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ expectedVersion: before.version, observation }),
    })
    expect(posted.status).toBe(201)
    await server.close()
    server = await start()
    const after = (await (await fetch(`${server.url}${path}`)).json()) as Listed
    expect(after.version).toBe(before.version + 1)
    expect(after.observations.map((o) => o.id)).toEqual([
      ...before.observations.map((o) => o.id),
      observation.id,
    ])
  } finally {
    await server.close()
  }
}

describe("observations survive a restart", () => {
  const dir = mkdtempSync(join(tmpdir(), "accord-observations-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("on a SQLite file", () => survivesRestart({ dataDir: dir }), 60_000)

  describe.skipIf(!pgUrl)("on PostgreSQL", () => {
    const schema = `obs_e2e_${randomBytes(4).toString("hex")}`
    afterAll(() => {
      execFileSync(
        "psql",
        [pgUrl as string, "-qc", `DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`],
        {
          env: { ...process.env, PGOPTIONS: "--client-min-messages=warning" },
        },
      )
    })
    it("in its own schema", () => survivesRestart({ databaseUrl: pgUrl, databaseSchema: schema }), 60_000)
  })
})
