import { type ActiveExercise, roleName } from "@accord/domain"
import { formatDelta, formatNumber } from "@accord/domain/facts"
import type { MoveAttribution, OutcomeRow, RoundSnapshot, StoryEffect, TeamStory } from "./debrief.js"

/** A whole percentage of runs, as a sentence says it. */
const percentOfRuns = (share: number): string => `${Math.round(share * 100)} %`

/**
 * One effect as a sentence part. Counts stay counts: the share of runs in
 * which the unit raised (or lowered) them; other quantities the mean change
 * with their unit.
 */
export const effectText = (
  outcome: Pick<OutcomeRow, "label" | "unit" | "count">,
  effect: { readonly deltaMean: number; readonly shareUp: number; readonly shareDown: number },
): string => {
  if (outcome.count) {
    const parts = [
      effect.shareUp > 0 ? `raises it in ${percentOfRuns(effect.shareUp)} of runs` : "",
      effect.shareDown > 0 ? `lowers it in ${percentOfRuns(effect.shareDown)} of runs` : "",
    ].filter((p) => p !== "")
    return `${outcome.label}: ${parts.join(", ") || "no change"}`
  }
  return `${outcome.label} ${formatDelta(effect.deltaMean)} ${outcome.unit}`
}

/** How big an effect is against the indicator's own scale (its spread across runs, or its size). */
const relative = (outcome: OutcomeRow, deltaMean: number): number => {
  const scale = Math.max(Math.abs(outcome.playedP50), outcome.playedP90 - outcome.playedP10, 1e-9)
  return Math.abs(deltaMean) / scale
}

/** A unit's effects worth telling: at least 1 % of the indicator's scale, largest first, at most three. */
const notable = (unit: MoveAttribution, outcomes: ReadonlyArray<OutcomeRow>): ReadonlyArray<StoryEffect> =>
  unit.effects
    .flatMap((e) => {
      const outcome = outcomes.find((o) => o.id === e.indicator)
      if (outcome === undefined || relative(outcome, e.deltaMean) < 0.01) return []
      return [{ weight: relative(outcome, e.deltaMean), effect: e, outcome }]
    })
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map(({ effect, outcome }) => ({
      indicator: effect.indicator,
      deltaMean: effect.deltaMean,
      text: effectText(outcome, effect),
    }))

/** Per team: what its moves and deals did (a deal is told in the story of every team in it). */
export const teamStories = (
  state: ActiveExercise,
  attribution: ReadonlyArray<MoveAttribution>,
  outcomes: ReadonlyArray<OutcomeRow>,
): ReadonlyArray<TeamStory> =>
  (["japan", "ukraine", "russia", "facilitator"] as const).flatMap((role) => {
    const units = attribution.filter((a) => a.roles.includes(role))
    if (units.length === 0) return []
    const team =
      role === "facilitator"
        ? "Facilitator"
        : (state.teams.find((t) => t.role === role)?.name ?? roleName(role))
    return [
      {
        role,
        team,
        lines: units.map((u) => ({ description: u.description, effects: notable(u, outcomes) })),
      },
    ]
  })

/** The unit that moved some indicator most (against that indicator's scale), with what worked against it. */
const biggestMove = (attribution: ReadonlyArray<MoveAttribution>, outcomes: ReadonlyArray<OutcomeRow>) => {
  let best:
    | { unit: MoveAttribution; outcome: OutcomeRow; delta: number; weight: number; text: string }
    | undefined
  for (const unit of attribution)
    for (const e of unit.effects) {
      const outcome = outcomes.find((o) => o.id === e.indicator)
      if (outcome === undefined) continue
      const weight = relative(outcome, e.deltaMean)
      if (best === undefined || weight > best.weight)
        best = {
          unit,
          outcome,
          delta: e.deltaMean,
          weight,
          text: effectText({ ...outcome, label: "it" }, e).replace(/^it:? /, ""),
        }
    }
  if (best === undefined || best.weight < 0.01) return undefined
  const { outcome, delta } = best
  const against = attribution
    .map((u) => ({ u, d: u.effects.find((e) => e.indicator === outcome.id)?.deltaMean ?? 0 }))
    .filter(({ d }) => Math.sign(d) === -Math.sign(delta) && relative(outcome, d) >= 0.01)
    .sort((a, b) => Math.abs(b.d) - Math.abs(a.d))[0]
  return { ...best, against }
}

/** The round whose close changed the projected outlook most, and on which indicator. */
const biggestRound = (rounds: ReadonlyArray<RoundSnapshot>, outcomes: ReadonlyArray<OutcomeRow>) => {
  let best:
    | { round: number; label: string; unit: string; from: number; to: number; weight: number }
    | undefined
  for (let i = 1; i < rounds.length; i++) {
    for (const o of outcomes) {
      const from = rounds[i - 1]?.outcomes.indicators.find((x) => x.id === o.id)?.p50
      const to = rounds[i]?.outcomes.indicators.find((x) => x.id === o.id)?.p50
      if (from === undefined || to === undefined) continue
      const weight = relative(o, to - from)
      if (best === undefined || weight > best.weight)
        best = { round: rounds[i]?.round ?? 0, label: o.label, unit: o.unit, from, to, weight }
    }
  }
  return best !== undefined && best.weight >= 0.01 ? best : undefined
}

/** Three discussion questions drawn from what happened in this game (with plain fallbacks). */
export const discussionPrompts = (
  state: ActiveExercise,
  through: number,
  attribution: ReadonlyArray<MoveAttribution>,
  outcomes: ReadonlyArray<OutcomeRow>,
  rounds: ReadonlyArray<RoundSnapshot>,
): ReadonlyArray<string> => {
  const prompts: Array<string> = []
  const big = biggestMove(attribution, outcomes)
  prompts.push(
    big === undefined
      ? "No move changed the outlook much. What would a team have had to do to change it, and why did nobody?"
      : `${big.unit.roles.map(roleName).join(" and ")}: “${big.unit.description}” changed “${big.outcome.label}” most (${big.text}). Was that the move you expected?${big.against === undefined ? " Nothing worked against it: why not?" : ` “${big.against.u.description}” worked against it: who won, and why?`}`,
  )
  const offers = state.moves.filter(
    (m) =>
      (m.move.type === "offer-aid" || m.move.type === "propose-project") &&
      m.round <= through &&
      m.status === "applied",
  )
  const unanswered = state.items.filter(
    (i) => i.state === "proposed" && offers.some((m) => m.moveId === i.itemId),
  )
  const usd = unanswered.reduce((s, i) => s + i.amountUsdM, 0)
  prompts.push(
    offers.length === 0
      ? "Nobody offered or proposed money. What kept Japan and Ukraine from putting a deal on the table?"
      : unanswered.length === 0
        ? `All ${offers.length} offers and projects were answered. Money moves only once a deal is agreed: how long did it take, and what happened while it waited?`
        : `${unanswered.length} of ${offers.length} offers and projects (USD ${formatNumber(usd)} m) were never agreed, so they moved no money. What stopped them, and what did that cost Ukraine?`,
  )
  const round = biggestRound(rounds, outcomes)
  prompts.push(
    round === undefined
      ? "Where is the model surely wrong? Which assumption in the model card would you challenge first, and how would you find a better number?"
      : `Round ${round.round} changed the outlook most (“${round.label}” from ${formatNumber(round.from)} to ${formatNumber(round.to)} ${round.unit}). What happened in that round? Would you play it differently, knowing that?`,
  )
  return prompts
}
