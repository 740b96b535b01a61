import {
  type ActiveExercise,
  describeMove,
  type ExerciseActor,
  type MoveNames,
  type PlayedSpecOptions,
  playedMoves,
  playedSpec,
} from "@accord/domain"
import { describeRuns, roundShare, roundStatistic } from "../run-statistics.js"
import type { AttributionMethod, AttributionTotal, MoveAttribution } from "./debrief.js"
import type { HorizonRuns } from "./horizon-runs.js"
import { shapleyValues } from "./shapley.js"

/** A unit of attribution: the moves that act on one offer or project form one deal; other moves stand alone. */
interface Unit {
  readonly key: string
  readonly moves: ReturnType<typeof playedMoves>
}

type Played = ReturnType<typeof playedMoves>[number]

/**
 * The deal a move belongs to: the offer or project it makes or acts on
 * (undefined for moves on their own). Ids are scoped per team, so Japan's
 * offer and Ukraine's project may share one: the deal key names the kind too.
 */
const dealOf = (move: Played, played: ReadonlyArray<Played>): string | undefined => {
  switch (move.move.type) {
    case "offer-aid":
      return `offer:${move.moveId}`
    case "propose-project":
      return `project:${move.moveId}`
    case "agree-offer":
    case "decline-offer":
      return `offer:${move.move.item}`
    case "agree-project":
      return `project:${move.move.item}`
    case "deliver": {
      const item = move.move.item
      const offer = played.some((m) => m.move.type === "offer-aid" && m.moveId === item)
      return `${offer ? "offer" : "project"}:${item}`
    }
    default:
      return undefined
  }
}

/** The played moves grouped into units, in the order their first move was played. */
export const attributionUnits = (state: ActiveExercise, options: PlayedSpecOptions): ReadonlyArray<Unit> => {
  const units = new Map<string, Array<Played>>()
  const played = playedMoves(state, options)
  for (const move of played) {
    const key = dealOf(move, played) ?? move.key
    const members = units.get(key) ?? []
    members.push(move)
    units.set(key, members)
  }
  return [...units].map(([key, moves]) => ({ key, moves }))
}

const mean = (xs: ArrayLike<number>): number => {
  let sum = 0
  for (let i = 0; i < xs.length; i++) sum += xs[i] as number
  return xs.length === 0 ? 0 : sum / xs.length
}

const shareWhere = (xs: Float64Array, test: (x: number) => boolean): number => {
  let hits = 0
  for (const x of xs) if (test(x)) hits++
  return xs.length === 0 ? 0 : roundShare(hits / xs.length)
}

/**
 * Rounds the units' means so that they still add up to the rounded total: the
 * rounding remainder goes to the unit with the largest effect (it is at most a
 * few thousandths), so a student who adds the column gets the total.
 */
const roundAddingUp = (raw: ReadonlyArray<number>, total: number): ReadonlyArray<number> => {
  const rounded = raw.map(roundStatistic)
  if (rounded.length === 0) return rounded
  const remainder = roundStatistic(roundStatistic(total) - rounded.reduce((s, x) => s + x, 0))
  if (remainder === 0) return rounded
  let largest = 0
  raw.forEach((x, i) => {
    if (Math.abs(x) > Math.abs(raw[largest] as number)) largest = i
  })
  return rounded.map((x, i) => (i === largest ? roundStatistic(x + remainder) : x))
}

/**
 * Shapley attribution over deals and moves: each unit's share of the
 * difference between the game as played and the game without any move, for
 * every indicator; the shares add up to that difference (attributionTotal).
 */
export const attributeUnits = (
  state: ActiveExercise,
  options: PlayedSpecOptions,
  runsOf: (spec: ReturnType<typeof playedSpec>) => HorizonRuns,
  indicatorIndex: ReadonlyArray<{ readonly id: string; readonly k: number }>,
  names: MoveNames,
): {
  attribution: ReadonlyArray<MoveAttribution>
  total: ReadonlyArray<AttributionTotal>
  method: AttributionMethod
} => {
  const units = attributionUnits(state, options)
  // Moves are excluded by key (team/move id): a bare id may name one move of each team.
  const allMoves = units.flatMap((u) => u.moves.map((m) => m.key))
  const playWith = (members: ReadonlyArray<number>) => {
    const kept = new Set(members.flatMap((i) => (units[i] as Unit).moves.map((m) => m.key)))
    return runsOf(
      playedSpec(state, { ...options, excluding: new Set(allMoves.filter((id) => !kept.has(id))) }),
    )
  }
  const result = shapleyValues(units.length, playWith, state.seed)
  const played = playWith(units.map((_, i) => i))
  const none = playWith([])
  const total = indicatorIndex.map(({ id, k }) => ({
    indicator: id,
    deltaMean: roundStatistic(mean(played[k] as Float32Array) - mean(none[k] as Float32Array)),
  }))
  // Per indicator, the units' rounded means adding up to the rounded total.
  const means = indicatorIndex.map(({ k }, j) =>
    roundAddingUp(
      units.map((_, i) => mean(result.values[i]?.[k] as Float64Array)),
      total[j]?.deltaMean ?? 0,
    ),
  )
  const attribution = units.map((unit, i): MoveAttribution => {
    const first = unit.moves[0] as Played
    const moves = unit.moves.map((m) => ({
      moveId: m.moveId,
      role: m.actor,
      round: m.round,
      description: describeMove(m.move, names),
    }))
    return {
      moveId: first.moveId,
      role: first.actor,
      round: first.round,
      description: moves.map((m) => m.description).join("; "),
      kind: unit.moves.length > 1 || dealOf(first, unit.moves) !== undefined ? "deal" : "move",
      roles: [...new Set<ExerciseActor>(unit.moves.map((m) => m.actor))],
      moves,
      effects: indicatorIndex.map(({ id, k }, j) => {
        const perRun = result.values[i]?.[k] as Float64Array
        return {
          indicator: id,
          deltaMean: means[j]?.[i] ?? 0,
          deltaP50: perRun.length === 0 ? 0 : roundStatistic(describeRuns(perRun).p50),
          standardError: roundStatistic(result.standardErrors[i]?.[k] ?? 0),
          shareUp: shareWhere(perRun, (x) => x > 1e-9),
          shareDown: shareWhere(perRun, (x) => x < -1e-9),
        }
      }),
    }
  })
  const note =
    result.method === "exact"
      ? `Exact Shapley values over ${units.length} moves and deals (every order of play, ${2 ** units.length} combinations), same random numbers in every run.`
      : `Shapley values over ${units.length} moves and deals, estimated from ${result.permutations} orders of play (standard errors given), same random numbers in every run; they still add up exactly to the total.`
  return {
    attribution,
    total,
    method: { method: result.method, units: units.length, permutations: result.permutations, note },
  }
}
