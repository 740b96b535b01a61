import { Context, Layer } from "effect"

export type RunStatus = "running" | "completed" | "failed"

/** What this instance knows of a run it started. */
export interface RunProgress {
  readonly runId: string
  readonly scenarioId: string
  readonly status: RunStatus
  readonly done: number
  readonly total: number
  readonly reportHash?: string
  readonly error?: { readonly error: string; readonly message: string }
}

type Listener = (progress: RunProgress) => void

/** Runs in flight on this instance and their latest progress, with listeners for live feeds. */
export interface RunRegistryShape {
  readonly start: (runId: string, scenarioId: string, total: number) => void
  readonly update: (runId: string, change: Partial<Omit<RunProgress, "runId" | "scenarioId">>) => void
  readonly get: (runId: string) => RunProgress | undefined
  /** Calls `listener` with every change; returns the function that stops it. */
  readonly listen: (runId: string, listener: Listener) => () => void
  /** Runs still computing, so that shutdown can wait for them. */
  readonly inFlight: () => number
}

export class RunRegistry extends Context.Tag("@accord/api/RunRegistry")<RunRegistry, RunRegistryShape>() {}

/** How long a finished run's progress stays in memory (it is in the store anyway). */
const keepFinishedMs = 10 * 60_000

export const makeRunRegistry = (): RunRegistryShape => {
  const runs = new Map<string, RunProgress>()
  const listeners = new Map<string, Set<Listener>>()
  return {
    start: (runId, scenarioId, total) => {
      runs.set(runId, { runId, scenarioId, status: "running", done: 0, total })
    },
    update: (runId, change) => {
      const current = runs.get(runId)
      if (current === undefined) return
      const next = { ...current, ...change }
      runs.set(runId, next)
      for (const listener of listeners.get(runId) ?? []) listener(next)
      if (next.status !== "running") {
        listeners.delete(runId)
        setTimeout(() => runs.delete(runId), keepFinishedMs).unref()
      }
    },
    get: (runId) => runs.get(runId),
    listen: (runId, listener) => {
      const set = listeners.get(runId) ?? new Set<Listener>()
      set.add(listener)
      listeners.set(runId, set)
      return () => set.delete(listener)
    },
    inFlight: () => [...runs.values()].filter((run) => run.status === "running").length,
  }
}

export const RunRegistryLive: Layer.Layer<RunRegistry> = Layer.sync(RunRegistry, makeRunRegistry)
