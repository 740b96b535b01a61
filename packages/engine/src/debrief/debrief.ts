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
  /** Whole numbers in every run (a count): shown as medians and shares of runs, never as fractions. */
  readonly count: boolean
  /** 8 in 10 runs of the game as played fall between p10 and p90. */
  readonly playedP10: number
  readonly playedP90: number
  readonly playedP50: number
  readonly baselineP50: number
  readonly noMovesP50: number
  /** played − baseline, paired run by run. */
  readonly vsBaseline: HorizonDelta
  /** played − no moves, paired run by run. */
  readonly vsNoMoves: HorizonDelta
}

/**
 * How much one unit (a move, or a deal) moved one indicator: its Shapley
 * value, the average over every order of play of what adding it changed,
 * under common random numbers. The units' values add up to attributionTotal.
 */
export interface MoveEffectRow {
  readonly indicator: string
  readonly deltaMean: number
  /** Median across runs of the unit's per-run share. */
  readonly deltaP50: number
  /** Sampling error of deltaMean (0 when computed exactly). */
  readonly standardError: number
  /** Share of runs in which the unit raised / lowered the indicator. */
  readonly shareUp: number
  readonly shareDown: number
}

/** One move of an attribution unit. */
export interface UnitMove {
  readonly moveId: string
  readonly role: ExerciseActor
  readonly round: number
  readonly description: string
}

/**
 * A unit of attribution: a move on its own, or a deal (an offer or project,
 * the answer to it and its delivery), which only moves money as a whole.
 */
export interface MoveAttribution {
  /** The unit's first move (the offer or project of a deal). */
  readonly moveId: string
  readonly role: ExerciseActor
  readonly round: number
  readonly description: string
  readonly kind: "move" | "deal"
  readonly roles: ReadonlyArray<ExerciseActor>
  readonly moves: ReadonlyArray<UnitMove>
  readonly effects: ReadonlyArray<MoveEffectRow>
}

/** What the units' values add up to: as played − no moves (mean across runs, paired). */
export interface AttributionTotal {
  readonly indicator: string
  readonly deltaMean: number
}

/** How the attribution was computed, in numbers and in a sentence. */
export interface AttributionMethod {
  readonly method: "exact" | "sampled"
  readonly units: number
  readonly permutations: number
  readonly note: string
}

/** One sentence-sized effect of a unit, for the teams' stories. */
export interface StoryEffect {
  readonly indicator: string
  readonly deltaMean: number
  readonly text: string
}

/** What one team's moves did, unit by unit, largest effect first. */
export interface TeamStory {
  readonly role: ExerciseActor
  readonly team: string
  readonly lines: ReadonlyArray<{
    readonly description: string
    readonly effects: ReadonlyArray<StoryEffect>
  }>
}

/** The moves that moved an indicator most, largest |mean effect| first. */
export interface TopMovers {
  readonly indicator: string
  readonly label: string
  readonly unit: string
  readonly moves: ReadonlyArray<{
    readonly moveId: string
    readonly role: ExerciseActor
    readonly roles: ReadonlyArray<ExerciseActor>
    readonly description: string
    readonly deltaMean: number
    /** The effect in words (counts as shares of runs). */
    readonly text: string
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
    /** Whether the exercise started from a saved scenario (otherwise "no moves" is the baseline). */
    readonly hasBaseScenario: boolean
  }
  readonly timeline: ReadonlyArray<TeamTimeline>
  readonly outcomes: ReadonlyArray<OutcomeRow>
  readonly attribution: ReadonlyArray<MoveAttribution>
  readonly attributionTotal: ReadonlyArray<AttributionTotal>
  readonly attributionMethod: AttributionMethod
  readonly teams: ReadonlyArray<TeamStory>
  /** Three discussion questions drawn from what happened in this game. */
  readonly prompts: ReadonlyArray<string>
  readonly topMovers: ReadonlyArray<TopMovers>
  readonly rounds: ReadonlyArray<RoundSnapshot>
  readonly model: { readonly version: string; readonly disclaimer: string; readonly modelCard: string }
}

/** Labels and units of the pack's indicators, by id. */
export const indicatorLabels = (pack: Pack): ReadonlyMap<string, { label: string; unit: string }> =>
  new Map(pack.indicators.map((i) => [i.id as string, { label: i.label, unit: i.unit }]))

export type { IndicatorOutcome }
