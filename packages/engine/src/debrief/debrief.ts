import type { ExerciseActor, IndicatorOutcome, Pack, RoundOutcomes } from "@accord/domain"

/** One move as the debrief shows it. */
export interface DebriefMove {
  readonly moveId: string
  readonly round: number
  readonly month: number | null
  readonly description: string
  readonly status: "pending" | "applied" | "void"
  readonly reason: string | null
}

/** The moves of one team (or the facilitator), in the order they were made. */
export interface TeamTimeline {
  readonly role: ExerciseActor
  readonly team: string
  readonly moves: ReadonlyArray<DebriefMove>
}

/** A paired difference at the horizon (other − reference), under common random numbers. */
export interface HorizonDelta {
  readonly p10: number
  readonly p50: number
  readonly p90: number
  readonly mean: number
}

/** One indicator at the horizon: as played, against the baseline and against "no moves". */
export interface OutcomeRow {
  readonly id: string
  readonly label: string
  readonly unit: string
  readonly playedP50: number
  readonly baselineP50: number
  readonly noMovesP50: number
  /** played − baseline, paired run by run. */
  readonly vsBaseline: HorizonDelta
  /** played − no moves, paired run by run. */
  readonly vsNoMoves: HorizonDelta
}

/** How much one move moved one indicator: played − played without that move (leave-one-out). */
export interface MoveEffectRow {
  readonly indicator: string
  readonly deltaMean: number
  readonly deltaP50: number
}

export interface MoveAttribution {
  readonly moveId: string
  readonly role: ExerciseActor
  readonly round: number
  readonly description: string
  readonly effects: ReadonlyArray<MoveEffectRow>
}

/** The moves that moved an indicator most, largest |mean effect| first. */
export interface TopMovers {
  readonly indicator: string
  readonly label: string
  readonly unit: string
  readonly moves: ReadonlyArray<{
    readonly moveId: string
    readonly role: ExerciseActor
    readonly description: string
    readonly deltaMean: number
  }>
}

/** What each closed round projected when it closed. */
export interface RoundSnapshot {
  readonly round: number
  readonly month: number
  readonly movesApplied: number
  readonly movesVoid: number
  readonly outcomes: RoundOutcomes
}

/**
 * The debrief of a classroom exercise: a pure function of the pack and the
 * exercise's events (as of a round), with the same bytes on every run.
 */
export interface Debrief {
  readonly hash: string
  readonly exercise: {
    readonly id: string
    readonly name: string
    readonly pack: string
    readonly rounds: number
    readonly roundsClosed: number
    readonly roundMonths: number
    readonly horizonMonths: number
    readonly runs: number
    readonly seed: number
    /** The round the debrief stands at (every closed round unless asked for an earlier one). */
    readonly asOfRound: number
    readonly month: number
  }
  readonly timeline: ReadonlyArray<TeamTimeline>
  readonly outcomes: ReadonlyArray<OutcomeRow>
  readonly attribution: ReadonlyArray<MoveAttribution>
  readonly topMovers: ReadonlyArray<TopMovers>
  readonly rounds: ReadonlyArray<RoundSnapshot>
  readonly model: { readonly version: string; readonly disclaimer: string; readonly modelCard: string }
}

/** Labels and units of the pack's indicators, by id. */
export const indicatorLabels = (pack: Pack): ReadonlyMap<string, { label: string; unit: string }> =>
  new Map(pack.indicators.map((i) => [i.id as string, { label: i.label, unit: i.unit }]))

export type { IndicatorOutcome }
