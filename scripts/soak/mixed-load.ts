// The load of the soak suites: N connections for a while, each looping over simulate (a fresh seed each
// time, so the report cache does not answer), compare, a scenario creation and an intervention appended to
// the worker's own scenario; spread round-robin over one or more instances. GET /api/health is probed alongside.
import { type LatencyStats, statsOf } from "./latency-stats.js"

export type LoadKind = "simulate" | "compare" | "create scenario" | "add intervention"
const allKinds: ReadonlyArray<LoadKind> = ["simulate", "compare", "create scenario", "add intervention"]
// ACCORD_SOAK_MIX=simulate,compare (or "create scenario,add intervention") narrows the mix, to see which
// part of it costs health its latency.
const kinds: ReadonlyArray<LoadKind> =
  process.env.ACCORD_SOAK_MIX === undefined
    ? allKinds
    : allKinds.filter((k) => (process.env.ACCORD_SOAK_MIX ?? "").split(",").includes(k))

/** A write the service acknowledged: the scenario and the version it answered. */
export interface AckedWrite {
  readonly scenarioId: string
  readonly version: number
}

export interface LoadResult {
  readonly seconds: number
  readonly byKind: Readonly<Record<LoadKind, LatencyStats>>
  readonly health: LatencyStats
  readonly acked: ReadonlyArray<AckedWrite>
  /** The first few failures, as "kind: status body". */
  readonly failures: ReadonlyArray<string>
}

const pack = "sybiha-visit-2025"
const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
})
const randomSeed = () => Math.floor(Math.random() * 2 ** 32)

/** Runs the mixed load against the instances for `seconds`, with `connections` concurrent loops. */
export const runMixedLoad = async (options: {
  readonly urls: ReadonlyArray<string>
  readonly connections: number
  readonly seconds: number
  readonly healthEveryMs?: number
}): Promise<LoadResult> => {
  const { urls, connections, seconds } = options
  const samples = Object.fromEntries(allKinds.map((k) => [k, [] as Array<number>])) as Record<
    LoadKind,
    Array<number>
  >
  const errors = Object.fromEntries(allKinds.map((k) => [k, 0])) as Record<LoadKind, number>
  const failures: Array<string> = []
  const acked: Array<AckedWrite> = []
  let deadline = Number.POSITIVE_INFINITY
  const fail = async (kind: LoadKind, response: Response | Error) => {
    errors[kind]++
    if (failures.length < 10) {
      failures.push(
        response instanceof Error
          ? `${kind}: ${String(response)} ${String((response as { cause?: unknown }).cause)}`
          : `${kind}: ${response.status} ${(await response.text()).slice(0, 200)}`,
      )
    }
  }

  const worker = async (index: number) => {
    let scenario: { id: string; version: number } | undefined
    for (let turn = index; performance.now() < deadline; turn++) {
      const kind = kinds[turn % kinds.length] as LoadKind
      const base = urls[turn % urls.length] as string
      const started = performance.now()
      try {
        let response: Response
        let expected = 200
        let recorded: LoadKind = kind
        if (kind === "simulate") {
          response = await fetch(`${base}/api/simulate`, json({ pack, seed: randomSeed() }))
        } else if (kind === "compare") {
          const seed = randomSeed()
          response = await fetch(
            `${base}/api/compare`,
            json({
              baseline: { pack, seed },
              variant: {
                pack,
                seed,
                interventions: [{ type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8 }],
              },
            }),
          )
        } else if (kind === "create scenario" || scenario === undefined) {
          expected = 201
          recorded = "create scenario"
          response = await fetch(`${base}/api/scenarios`, json({ pack, name: `load ${index}.${turn}` }))
          if (response.status === 201) {
            const created = (await response.clone().json()) as { id: string; version: number }
            scenario = created
            acked.push({ scenarioId: created.id, version: created.version })
          }
        } else {
          expected = 201
          response = await fetch(
            `${base}/api/scenarios/${scenario.id}/interventions`,
            json({
              expectedVersion: scenario.version,
              intervention: {
                type: "aid-package",
                month: turn % 24,
                sector: "energy",
                amountUsdM: 10,
                form: "grant",
              },
            }),
          )
          if (response.status === 201) {
            const { version } = (await response.clone().json()) as { version: number }
            scenario = { id: scenario.id, version }
            acked.push({ scenarioId: scenario.id, version })
          }
        }
        if (response.status !== expected) await fail(recorded, response)
        else {
          await response.arrayBuffer()
          samples[recorded].push(performance.now() - started)
        }
      } catch (error) {
        await fail(kind, error as Error)
      }
    }
  }

  const healthSamples: Array<number> = []
  let healthErrors = 0
  const prober = async () => {
    for (let i = 0; performance.now() < deadline; i++) {
      const started = performance.now()
      try {
        const response = await fetch(`${urls[i % urls.length]}/api/health`)
        await response.arrayBuffer()
        if (response.status === 200) healthSamples.push(performance.now() - started)
        else healthErrors++
      } catch {
        healthErrors++
      }
      await new Promise((resolve) => setTimeout(resolve, options.healthEveryMs ?? 50))
    }
  }

  // Warm-up outside the measure: an instance's first simulation pays for lazy start-up (seconds under load).
  for (const url of urls) {
    await (await fetch(`${url}/api/simulate`, json({ pack, seed: randomSeed() }))).arrayBuffer()
    await (await fetch(`${url}/api/compare`, json({ baseline: { pack }, variant: { pack } }))).arrayBuffer()
  }
  const began = performance.now()
  deadline = began + seconds * 1000
  await Promise.all([...Array.from({ length: connections }, (_, i) => worker(i)), prober()])
  const elapsed = (performance.now() - began) / 1000
  return {
    seconds: elapsed,
    byKind: Object.fromEntries(
      allKinds
        .filter((k) => kinds.includes(k) || samples[k].length > 0 || errors[k] > 0)
        .map((k) => [k, statsOf(samples[k], errors[k], elapsed)]),
    ) as Record<LoadKind, LatencyStats>,
    health: statsOf(healthSamples, healthErrors, elapsed),
    acked,
    failures,
  }
}

/** The result as a Markdown table (kind, requests, errors, req/s, p50, p95, p99, max). */
export const loadTable = (result: LoadResult): string => {
  const rows = [
    ...Object.entries(result.byKind),
    ["GET /api/health (probe, every 50 ms)", result.health] as const,
  ].map(
    ([kind, s]) =>
      `| ${kind} | ${s.count} | ${s.errors} | ${s.perSecond} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`,
  )
  return [
    "| request | count | errors | per s | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n")
}
