import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { createServer, Socket } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { silentLogger } from "../src/http/request-log.js"
import { startServer } from "../src/server.js"
import { type ServiceProcess, startServiceProcess } from "./service-process.js"

const url = process.env.ACCORD_TEST_PG_URL
if (!url) console.warn("\n*** SKIPPED: PostgreSQL tests (ACCORD_TEST_PG_URL not set) ***\n")

const pack = "sybiha-visit-2025"
const schema = `api_e2e_${randomBytes(4).toString("hex")}`
const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
/** Each run uses its own schemas and removes them. */
const dropSchema = (name: string) =>
  execFileSync("psql", [url as string, "-qc", `DROP SCHEMA IF EXISTS ${name}, ${name}_jobs CASCADE`], {
    env: { ...process.env, PGOPTIONS: "--client-min-messages=warning" },
  })
const intervention = (month: number) => ({
  type: "sanctions-package",
  month,
  coverage: 0.3,
  enforcement: 0.8,
})

describe.skipIf(!url)("two instances sharing one PostgreSQL database", () => {
  let a: ServiceProcess
  let b: ServiceProcess
  beforeAll(async () => {
    const env = { DATABASE_URL: url as string, DATABASE_SCHEMA: schema }
    a = await startServiceProcess(env)
    b = await startServiceProcess(env)
  }, 60_000)
  afterAll(async () => {
    for (const service of [a, b]) service?.child.kill("SIGTERM")
    await Promise.all([a?.exited, b?.exited])
    dropSchema(schema)
  })

  it("report the postgres store", async () => {
    for (const service of [a, b]) {
      expect(await (await fetch(`${service.url}/api/health`)).json()).toEqual({
        status: "ok",
        store: "postgres",
      })
    }
  })

  it("a scenario written through one is read through the other", async () => {
    const created = await post(a.url, "/api/scenarios", { pack, runs: 100, name: "Shared" })
    const { id } = (await created.json()) as { id: string }
    await post(a.url, `/api/scenarios/${id}/interventions`, {
      expectedVersion: 1,
      intervention: intervention(2),
    })
    const read = (await (await fetch(`${b.url}/api/scenarios/${id}`)).json()) as {
      version: number
      name: string
    }
    expect(read).toMatchObject({ version: 2, name: "Shared" })
    const listed = (await (await fetch(`${b.url}/api/scenarios`)).json()) as Array<{ id: string }>
    expect(listed.map((s) => s.id)).toContain(id)

    const run = await fetch(`${a.url}/api/scenarios/${id}/runs`, { method: "POST" })
    expect(run.status).toBe(201)
    const runId = run.headers.get("x-run-id")
    const viaB = (await (await fetch(`${b.url}/api/runs/${runId}`)).json()) as {
      status: string
      reportHash: string
    }
    expect(viaB).toMatchObject({ status: "completed", reportHash: run.headers.get("x-report-hash") })
    const again = await fetch(`${b.url}/api/scenarios/${id}/runs`, { method: "POST" })
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(await run.text())
  })

  it("two concurrent appends with the same expectedVersion through the two instances: one 201, one 409, nothing lost", async () => {
    for (let round = 0; round < 10; round++) {
      const { id } = (await (await post(a.url, "/api/scenarios", { pack, runs: 100 })).json()) as {
        id: string
      }
      const [viaA, viaB] = await Promise.all([
        post(a.url, `/api/scenarios/${id}/interventions`, {
          expectedVersion: 1,
          intervention: intervention(3),
        }),
        post(b.url, `/api/scenarios/${id}/interventions`, {
          expectedVersion: 1,
          intervention: intervention(5),
        }),
      ])
      expect([viaA.status, viaB.status].sort()).toEqual([201, 409])
      const winner = viaA.status === 201 ? 3 : 5
      for (const service of [a, b]) {
        const scenario = (await (await fetch(`${service.url}/api/scenarios/${id}`)).json()) as {
          version: number
          spec: { interventions: Array<{ month: number }> }
        }
        expect(scenario.version).toBe(2)
        expect(scenario.spec.interventions.map((i) => i.month)).toEqual([winner])
      }
      // The loser retries on the version it is told about, and both changes are kept.
      const loser = viaA.status === 409 ? a : b
      const retried = await post(loser.url, `/api/scenarios/${id}/interventions`, {
        expectedVersion: 2,
        intervention: intervention(winner === 3 ? 5 : 3),
      })
      expect(retried.status).toBe(201)
    }
  }, 60_000)
})

describe.skipIf(!url)("PostgreSQL becoming unreachable", () => {
  it("answers 503 with no details, then recovers when it is back", async () => {
    // A TCP relay in front of PostgreSQL that the test can cut, as a network failure would.
    const target = new URL(url as string)
    const sockets = new Set<Socket>()
    let open = true
    const relay = createServer((client) => {
      if (!open) return client.destroy()
      const upstream = new Socket()
      upstream.connect(Number(target.port || 5432), target.hostname)
      client.pipe(upstream).pipe(client)
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on("error", () => s.destroy())
        s.on("close", () => sockets.delete(s))
      }
    })
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve))
    const relayUrl = new URL(url as string)
    relayUrl.host = `127.0.0.1:${(relay.address() as { port: number }).port}`
    const server = await startServer({
      port: 0,
      databaseUrl: relayUrl.toString(),
      databaseSchema: `${schema}_cut`,
      logger: silentLogger,
    })
    try {
      const created = await post(server.url, "/api/scenarios", { pack })
      expect(created.status).toBe(201)
      const { id } = (await created.json()) as { id: string }

      open = false
      for (const s of sockets) s.destroy()
      const read = await fetch(`${server.url}/api/scenarios/${id}`)
      expect(read.status).toBe(503)
      expect(await read.json()).toEqual({
        error: "StorageFailure",
        message: "the event store is unavailable; retry later",
        issues: [],
      })
      expect((await fetch(`${server.url}/api/health`)).status).toBe(503)

      open = true
      let status = 0
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = (await fetch(`${server.url}/api/scenarios/${id}`)).status
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(status).toBe(200)
    } finally {
      await server.close()
      relay.close()
      dropSchema(`${schema}_cut`)
    }
  }, 60_000)
})
