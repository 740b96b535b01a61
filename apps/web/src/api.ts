import type { Intervention, Observation, Pack, ScenarioSpec } from "@accord/domain"
import type { Backtest, Comparison, Report } from "@accord/engine"

/** A scenario spec as the web app writes it (encoded form: plain strings for ids). */
export type SpecInput = {
  pack: string
  name?: string
  horizonMonths: number
  runs: number
  seed: number
  interventions: ReadonlyArray<InterventionInput>
  assumptions?: (typeof ScenarioSpec.Encoded)["assumptions"]
  /** Condition the runs on the pack's observations dated up to this day. */
  asOf?: string
}
export type InterventionInput = typeof Intervention.Encoded
export type PackDetail = typeof Pack.Encoded
export type { Backtest, Comparison, Report }
export type ObservationInput = typeof Observation.Encoded

export interface PackSummary {
  readonly id: string
  readonly title: string
  readonly summary?: string
}

/** One stored event of a scenario's stream, as GET /api/scenarios/:id/events returns it. */
export interface StoredEvent {
  readonly version: number
  readonly type: string
  readonly data: Record<string, unknown>
  readonly recordedAt?: string
}

/** A stored scenario as the API replays it. */
export interface StoredScenario {
  readonly id: string
  readonly version: number
  readonly spec: SpecInput
  readonly name?: string
}

/** What the API said when it refused a request. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly tag: string,
    message: string,
    readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>,
  ) {
    super(message)
  }
}

const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(path, {
    ...init,
    headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}) },
  })
  const text = await response.text()
  const body: unknown = text.length > 0 ? JSON.parse(text) : undefined
  if (!response.ok) {
    const e = (body ?? {}) as { error?: string; message?: string; issues?: ApiError["issues"] }
    throw new ApiError(
      response.status,
      e.error ?? "HttpError",
      e.message ?? `${response.status} ${response.statusText}`,
      e.issues ?? [],
    )
  }
  return body as T
}

const post = <T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> =>
  request<T>(path, { method: "POST", body: JSON.stringify(body), signal: signal ?? null })

// The API may wrap lists in an object; accept both shapes so the views stay simple.
const listOf = <T>(body: unknown, key: string): ReadonlyArray<T> =>
  Array.isArray(body) ? (body as T[]) : (((body as Record<string, unknown>)?.[key] as T[] | undefined) ?? [])

/** The built-in packs. */
export const fetchPacks = async (): Promise<ReadonlyArray<PackSummary>> =>
  listOf<PackSummary>(await request("/api/packs"), "packs")

/** One pack with its commitments, sources, parameters and catalogs. */
export const fetchPack = (id: string): Promise<PackDetail> => request(`/api/packs/${encodeURIComponent(id)}`)

/** Runs a spec without storing it. */
export const simulate = (spec: SpecInput, signal?: AbortSignal): Promise<Report> =>
  post("/api/simulate", spec, signal)

/** Paired comparison of two specs under common random numbers. */
export const compare = (baseline: SpecInput, variant: SpecInput, signal?: AbortSignal): Promise<Comparison> =>
  post("/api/compare", { baseline, variant }, signal)

/** Stores a spec as a new scenario stream. */
export const createScenario = (spec: SpecInput): Promise<{ id: string; version: number }> =>
  post("/api/scenarios", spec)

/** Appends one intervention to a stored scenario; a stale `expectedVersion` is refused (409). */
export const addIntervention = (
  id: string,
  expectedVersion: number,
  intervention: InterventionInput,
): Promise<{ version: number }> =>
  post(`/api/scenarios/${encodeURIComponent(id)}/interventions`, { expectedVersion, intervention })

/**
 * Saves a spec as a scenario whose history tells how it was built: created
 * without interventions, then one event per intervention, so the timeline can
 * replay and branch from every step.
 */
export const saveScenario = async (spec: SpecInput): Promise<{ id: string; version: number }> => {
  const created = await createScenario({ ...spec, interventions: [] })
  let version = created.version
  for (const intervention of spec.interventions) {
    version = (await addIntervention(created.id, version, intervention)).version
  }
  return { id: created.id, version }
}

/** Lists stored scenarios (newest first when the API orders them). */
export const fetchScenarios = async (): Promise<ReadonlyArray<StoredScenario>> =>
  listOf<StoredScenario>(await request("/api/scenarios"), "scenarios")

/** A stored scenario, replayed to `asOf` when given. */
export const fetchScenario = (id: string, asOf?: number): Promise<StoredScenario> =>
  request(`/api/scenarios/${encodeURIComponent(id)}${asOf === undefined ? "" : `?asOf=${asOf}`}`)

/** A stored scenario's event log. */
export const fetchScenarioEvents = async (id: string): Promise<ReadonlyArray<StoredEvent>> =>
  listOf<StoredEvent>(await request(`/api/scenarios/${encodeURIComponent(id)}/events`), "events")

/** Starts a new scenario from another one's state at `atVersion`. */
export const branchScenario = (
  id: string,
  atVersion: number,
  name: string,
): Promise<{ id: string; version: number }> =>
  post(`/api/scenarios/${encodeURIComponent(id)}/branch`, { atVersion, name })

/** Runs a stored scenario; the report is kept by the API. */
export const runScenario = (id: string): Promise<Report> =>
  post(`/api/scenarios/${encodeURIComponent(id)}/runs`, {})

/** A pack's observations: what happened after the visit. */
export const fetchObservations = (
  packId: string,
): Promise<{ version: number; observations: ReadonlyArray<ObservationInput> }> =>
  request(`/api/packs/${encodeURIComponent(packId)}/observations`)

/** The pack's baseline projected as of a day (default: the visit) against everything observed after it. */
export const fetchBacktest = (packId: string, asOf?: string): Promise<Backtest> =>
  request(`/api/packs/${encodeURIComponent(packId)}/backtest${asOf === undefined ? "" : `?asOf=${asOf}`}`)
