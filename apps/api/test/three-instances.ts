// Helpers of the suites that run several API instances on one PostgreSQL database (the e2e specs of jobs and
// the jobs soak): starting and stopping the instances, their schemas, and reading runs from them.
import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { type ServiceProcess, startServiceProcess } from "./service-process.js"

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A run as `GET /api/runs/:id` answers it. */
export interface RunView {
  status: string
  done?: number
  total?: number
  reportHash?: string
  error?: unknown
}

/** A run as an instance answers it. */
export const getRun = async (service: ServiceProcess, runId: string) =>
  (await (await fetch(`${service.url}/api/runs/${runId}`)).json()) as RunView

export const post = (service: ServiceProcess, path: string, body?: unknown) =>
  fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

/** `psql -At` of one command on the database at `url`, trimmed, without notices. */
export const psql = (url: string, command: string) =>
  execFileSync("psql", [url, "-qtAc", command], {
    env: { ...process.env, PGOPTIONS: "--client-min-messages=warning" },
  })
    .toString()
    .trim()

/**
 * A schema of its own for a suite (the store's; the job engine's is `<schema>_jobs`): suites share the
 * database. `drop` removes both.
 */
export const privateSchema = (url: string, prefix: string) => {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`
  return { name, drop: () => psql(url, `DROP SCHEMA IF EXISTS ${name}, ${name}_jobs CASCADE`) }
}

/**
 * `count` instances started together on one environment (DATABASE_URL and the rest). Starting at once is
 * part of what they prove: the store's migrator and pg-boss's schema creation take turns.
 */
export const startInstances = (count: number, env: Readonly<Record<string, string>>) =>
  Promise.all(Array.from({ length: count }, () => startServiceProcess(env)))

/** SIGTERM to every instance still running, and wait until they have exited. */
export const stopInstances = async (services: ReadonlyArray<ServiceProcess>) => {
  for (const service of services) service.child.kill("SIGTERM")
  await Promise.all(services.map((s) => s.exited))
}
