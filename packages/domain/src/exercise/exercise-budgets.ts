import type { Budgets } from "./exercise-events.js"
import type { TeamRole } from "./exercise-roles.js"

/** One role's budget rate, with where the figure comes from. */
export interface BudgetRate {
  /** USD m the role may commit per month of game time (a round's budget is this × months per round). */
  readonly usdMPerMonth: number
  readonly basis: "fact" | "assumption"
  readonly rationale: string
  readonly source?: string
}

/** Moves each role may make per round: a 10-minute round leaves time to discuss about three. */
export const MOVES_PER_ROUND = 3

/**
 * The budgets a class plays with unless the exercise sets its own: what each
 * role may commit per round (offers, projects and counter-measures count;
 * sanctions, answers and deliveries are free), scaled by the round's length.
 */
export const budgetRates: Readonly<Record<TeamRole, BudgetRate>> = {
  japan: {
    usdMPerMonth: 375,
    basis: "fact",
    rationale:
      "Japan's support to Ukraine was USD 4.5 bn in 2024 under the Accord on Support and Cooperation: USD 375 m a month, about USD 1.1 bn for a 3-month round.",
    source:
      "https://www.nippon.com/en/news/yjj2024061400005/japan-ukraine-agree-on-talks-within-24-hours-of-attack.html",
  },
  ukraine: {
    usdMPerMonth: 375,
    basis: "assumption",
    rationale:
      "Ukraine's projects are requests to Japan: capped at what Japan could fund in the same round, so that asks stay within reach (range of plausible caps: the same as Japan's, up to twice it).",
  },
  russia: {
    usdMPerMonth: 150,
    basis: "assumption",
    rationale:
      "Enough for one evasion and one rerouting in a 3-month round (their costs are the pack's counter-measure assumptions, in the model card): a teaching budget that forces a choice, not an estimate of Russia's spending (range USD 100–300 m a month).",
  },
}

/** The default budgets of an exercise with rounds of `roundMonths` months. */
export const defaultBudgets = (roundMonths: number): Budgets => {
  const of = (role: TeamRole) => ({
    usdM: budgetRates[role].usdMPerMonth * roundMonths,
    moves: MOVES_PER_ROUND,
  })
  return { japan: of("japan"), ukraine: of("ukraine"), russia: of("russia") }
}
