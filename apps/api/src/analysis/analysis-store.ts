import { Backtest, DebriefSchema, SensitivityResult } from "@accord/engine"
import { EventStore } from "@accord/event-store"
import { Effect, Schema } from "effect"
import { GoalResponse } from "./analysis-requests.js"
import type { AnalysisKind } from "./analysis-work.js"

/** The result schema of each kind of analysis. */
export const analysisResultSchema = {
  sensitivity: SensitivityResult,
  goal: GoalResponse,
  backtest: Backtest,
  debrief: DebriefSchema,
} as const
export type AnalysisResult<K extends AnalysisKind> = (typeof analysisResultSchema)[K]["Type"]

/** A stored analysis lives in its own stream, named by its hash, as one `AnalysisStored` event. */
const analysisStream = (hash: string) => `analysis-${hash}`

/**
 * Stores an analysis result by its hash (analysisHash), readable from every instance on the database;
 * storing it again (a job taken over after its first worker stored it) writes nothing.
 */
export const saveAnalysis = <K extends AnalysisKind>(kind: K, hash: string, result: AnalysisResult<K>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const encoded = Schema.encodeSync(analysisResultSchema[kind] as Schema.Schema<unknown, unknown>)(result)
    yield* store.append(analysisStream(hash), "any", [
      { eventId: analysisStream(hash), type: "AnalysisStored", v: 1, data: { kind, result: encoded } },
    ])
  })

/** The stored result of the analysis with this hash, if any. */
export const findAnalysis = <K extends AnalysisKind>(kind: K, hash: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const [event] = yield* store.readStream(analysisStream(hash))
    const stored = event?.data as { kind: string; result: unknown } | undefined
    if (stored === undefined || stored.kind !== kind) return undefined
    const decode = Schema.decodeUnknown(
      analysisResultSchema[kind] as Schema.Schema<AnalysisResult<K>, unknown>,
    )
    // A stored result that no longer decodes is a defect (a model change bumps the version in the hash).
    return yield* Effect.orDie(decode(stored.result))
  })
