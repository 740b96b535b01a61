import { api, followJob, ok, type Schemas } from "./api-client.js"

export { ApiError } from "./api-client.js"

// A field with a default (initialState) is optional in a request, though the document states it as decoded.
type DefaultsOptional<T> = T extends { initialState: infer S }
  ? Omit<T, "initialState"> & { initialState?: S }
  : T
export type InterventionInput = DefaultsOptional<Schemas["Intervention"]>
/** A scenario spec as the web app writes it (the defaults the service fills are always set here). */
export type SpecInput = Omit<Schemas["ScenarioSpec"], "horizonMonths" | "runs" | "seed" | "interventions"> & {
  readonly horizonMonths: number
  readonly runs: number
  readonly seed: number
  readonly interventions: ReadonlyArray<InterventionInput>
}
export type PackDetail = Schemas["Pack"]
export type PackSummary = Schemas["PackSummary"]
export type Report = Schemas["Report"]
export type Comparison = Schemas["Comparison"]
export type Backtest = Schemas["Backtest"]
export type ObservationInput = Schemas["Observation"]
export type TornadoResult = Schemas["TornadoResult"]
export type SensitivityResult = Schemas["SensitivityResult"]
export type GoalResult = Schemas["GoalResult"]
export type ReportTrajectory = Schemas["ReportTrajectory"]
/** One stored event of a scenario's stream, as GET /api/scenarios/:id/events returns it. */
export type StoredEvent = Schemas["ScenarioEventEntry"]
/** A stored scenario as the API replays it. */
export type StoredScenario = Schemas["Scenario"] & { readonly spec: SpecInput }

// The web keeps its specs read-only; the generated body types are mutable arrays of the same shape.
const specBody = (spec: SpecInput) => spec as Schemas["ScenarioSpec"]
const signalOf = (signal?: AbortSignal) => (signal === undefined ? {} : { signal })

/** The built-in packs. */
export const fetchPacks = (): Promise<ReadonlyArray<PackSummary>> => ok(api.GET("/api/packs"))

/** One pack with its commitments, sources, parameters and catalogs. */
export const fetchPack = (id: string): Promise<PackDetail> =>
  ok(api.GET("/api/packs/{id}", { params: { path: { id } } }))

/** Runs a spec; with `store`, the service keeps the report (its trajectory can then be asked for). */
export const simulate = (spec: SpecInput, signal?: AbortSignal, store = false): Promise<Report> =>
  ok(
    api.POST("/api/simulate", {
      body: specBody(spec),
      params: { query: store ? { store: "true" } : {} },
      ...signalOf(signal),
    }),
  )

/** A report as the service's CSV (indicator, unit, month, statistic, value), computed again from its spec. */
export const fetchReportCsv = (report: Report): Promise<string> =>
  ok(
    api.POST("/api/simulate", {
      body: report.spec,
      params: { query: { format: "csv" } },
      parseAs: "text",
    }),
  )

/** One run of a stored report, replayed by the service: its events and the commitments its interventions added. */
export const fetchTrajectory = (hash: string, run: number): Promise<ReportTrajectory> =>
  ok(api.GET("/api/reports/{hash}/trajectory", { params: { path: { hash }, query: { run } } }))

/** Paired comparison of two specs under common random numbers. */
export const compare = (baseline: SpecInput, variant: SpecInput, signal?: AbortSignal): Promise<Comparison> =>
  ok(
    api.POST("/api/compare", {
      body: { baseline: specBody(baseline), variant: specBody(variant) },
      ...signalOf(signal),
    }),
  )

/** Stores a spec as a new scenario stream. */
export const createScenario = (spec: SpecInput): Promise<{ id: string; version: number }> =>
  ok(api.POST("/api/scenarios", { body: specBody(spec) }))

/** Appends one intervention to a stored scenario; a stale `expectedVersion` is refused (409). */
export const addIntervention = (
  id: string,
  expectedVersion: number,
  intervention: InterventionInput,
): Promise<{ version: number }> =>
  ok(
    api.POST("/api/scenarios/{id}/interventions", {
      params: { path: { id } },
      body: { expectedVersion, intervention: intervention as Schemas["Intervention"] },
    }),
  )

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
export const fetchScenarios = (): Promise<ReadonlyArray<Schemas["ScenarioSummary"]>> =>
  ok(api.GET("/api/scenarios"))

/** A stored scenario, replayed to `asOf` when given. */
export const fetchScenario = async (id: string, asOf?: number): Promise<StoredScenario> =>
  (await ok(
    api.GET("/api/scenarios/{id}", {
      params: { path: { id }, query: asOf === undefined ? {} : { asOf } },
    }),
  )) as StoredScenario

/** A stored scenario's event log. */
export const fetchScenarioEvents = (id: string): Promise<ReadonlyArray<StoredEvent>> =>
  ok(api.GET("/api/scenarios/{id}/events", { params: { path: { id } } }))

/** Starts a new scenario from another one's state at `atVersion`. */
export const branchScenario = (
  id: string,
  atVersion: number,
  name: string,
): Promise<{ id: string; version: number }> =>
  ok(api.POST("/api/scenarios/{id}/branch", { params: { path: { id } }, body: { atVersion, name } }))

/** A pack's observations: what happened after the visit. */
export const fetchObservations = (
  packId: string,
): Promise<{ version: number; observations: ReadonlyArray<ObservationInput> }> =>
  ok(api.GET("/api/packs/{id}/observations", { params: { path: { id: packId } } }))

/**
 * The pack's baseline projected as of a day (default: the visit) against everything observed after it. A large
 * backtest is a job (202): its result is read from /api/backtest/{id} once it is there.
 */
export const fetchBacktest = async (packId: string, asOf?: string): Promise<Backtest> => {
  const answer = await ok(
    api.GET("/api/packs/{id}/backtest", {
      params: { path: { id: packId }, query: asOf === undefined ? {} : { asOf } },
    }),
  )
  if (!("statusUrl" in answer)) return answer
  return followJob<Backtest>("backtest", async () => {
    const now = await ok(api.GET("/api/backtest/{id}", { params: { path: { id: answer.id } } }))
    return "pack" in now ? { result: now } : { status: now }
  })
}

/** A one-at-a-time tornado of one indicator (at the horizon), `samples` runs per setting. */
export const sensitivity = async (
  spec: SpecInput,
  indicator: string,
  samples: number,
  signal?: AbortSignal,
): Promise<TornadoResult> =>
  (await ok(
    api.POST("/api/sensitivity", {
      body: { spec: specBody(spec), indicator, method: "tornado", samples },
      ...signalOf(signal),
    }),
  )) as TornadoResult

/**
 * What would it take: the smallest lever value (latest month) that reaches a target often enough. A large
 * goal seek is a job (202): its answer is read from /api/goal/{id} once it is there.
 */
export const seekGoal = async (
  body: Omit<Schemas["GoalRequest"], "spec"> & { readonly spec: SpecInput },
): Promise<Schemas["GoalResponse"]> => {
  const answer = await ok(api.POST("/api/goal", { body: { ...body, spec: specBody(body.spec) } }))
  if (!("statusUrl" in answer)) return answer
  return followJob<Schemas["GoalResponse"]>("goal seek", async () => {
    const now = await ok(api.GET("/api/goal/{id}", { params: { path: { id: answer.id } } }))
    return "goal" in now ? { result: now } : { status: now }
  })
}
