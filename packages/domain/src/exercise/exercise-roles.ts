import { Schema } from "effect"
import { exerciseActorIds, teamRoleIds } from "../facts/roles.js"

/** The countries teams play. */
export const TeamRole = Schema.Literal(...teamRoleIds).annotations({ identifier: "TeamRole" })
export type TeamRole = typeof TeamRole.Type
export const teamRoles: ReadonlyArray<TeamRole> = TeamRole.literals

/** Who acts in an exercise: a team's country, or the facilitator as umpire. */
export const ExerciseActor = Schema.Literal(...exerciseActorIds).annotations({
  identifier: "ExerciseActor",
})
export type ExerciseActor = typeof ExerciseActor.Type

/** The facilitator's fixed team id in move records. */
export const FACILITATOR_TEAM_ID = "facilitator"

/** What a role's goals are measured by: these indicators, at this month (a team's view leads with them). */
export interface GoalFocus {
  readonly indicators: ReadonlyArray<string>
  readonly month: number
  /** The month in words, as the brief says it. */
  readonly when: string
}

/** What a role is told at the start: who they are, what they want, what they can do. */
export interface RoleBrief {
  readonly role: ExerciseActor
  readonly title: string
  readonly situation: string
  readonly goals: ReadonlyArray<string>
  readonly moves: ReadonlyArray<string>
  readonly focus?: GoalFocus
}

/** The briefs handed to each role (also printed in docs/classroom-guide.md). */
export const roleBriefs: Readonly<Record<ExerciseActor, RoleBrief>> = {
  japan: {
    role: "japan",
    title: "Government of Japan",
    situation:
      "Ukraine's Foreign Minister has just visited Tokyo (August 2025). You promised more sanctions on Russia, reconstruction support and aid packages; your partners in Asia watch what you do.",
    goals: [
      "Keep sanctions pressure on Russia high (adopt packages; the pressure index is illustrative)",
      "Turn promises into delivered reconstruction (energy above all)",
      "Stay within your budget each round (shown beside your moves)",
    ],
    moves: [
      "Adopt a sanctions package (coverage and enforcement)",
      "Offer an aid package to Ukraine (sector, amount, grant or loan)",
      "Agree a project Ukraine proposed",
      "Deliver an agreed package or project",
      "Withdraw one of Japan's commitments from the visit",
    ],
    focus: {
      indicators: ["sanctions.pressure_index", "funds.disbursed_usd_m", "energy.capacity_restored_mw"],
      month: 24,
      when: "two years after the visit (August 2027)",
    },
  },
  ukraine: {
    role: "ukraine",
    title: "Government of Ukraine",
    situation:
      "Winter is coming and the grid is damaged. Japan is a steady partner far away; you need money delivered, not only pledged.",
    goals: [
      "Get energy capacity restored before winter",
      "Turn Japan's offers into agreed, delivered projects",
      "Keep partners' attention on sanctions",
    ],
    moves: [
      "Propose a reconstruction project (sector, amount, title)",
      "Agree an offer Japan made",
      "Decline an offer that does not fit your needs",
    ],
    // The visit was in August 2025 (month 0); winter starts in December.
    focus: {
      indicators: ["energy.capacity_restored_mw", "funds.disbursed_usd_m"],
      month: 4,
      when: "before winter (December 2025)",
    },
  },
  russia: {
    role: "russia",
    title: "Government of the Russian Federation",
    situation:
      "Sanctions bite, but every package leaks. Shadow fleets, third-country traders and new payment channels erode pressure month by month.",
    goals: [
      "Erode sanctions pressure faster than new packages build it",
      "Keep third countries from joining the sanctions coalition",
      "Spend your budget where it hurts most",
    ],
    moves: [
      "Evasion: shadow fleet, relabelled origin (erodes pressure faster)",
      "Rerouting: trade through third countries (erodes pressure, cheaper)",
    ],
    focus: {
      indicators: ["sanctions.pressure_index"],
      month: 12,
      when: "a year after the visit (August 2026)",
    },
  },
  facilitator: {
    role: "facilitator",
    title: "Facilitator (umpire)",
    situation: "You run the clock, inject events and close rounds. The model projects the consequences.",
    goals: ["Keep rounds to time", "Inject one surprise per round at most", "Lead the debrief"],
    moves: [
      "Strike the power grid: generating capacity destroyed (MW)",
      "A scandal: an agreed commitment stalls until it resumes",
      "An election: a commitment stands still for some months",
      "A new partner joins the sanctions (coverage and enforcement)",
      "Close the round",
    ],
  },
}

/** What an observer (a projector, a visiting teacher) is told. */
export const observerBrief: RoleBrief = {
  role: "facilitator",
  title: "Observer",
  situation:
    "You watch the exercise as the facilitator reveals it: each round's moves and projected outcomes once it has closed and been shown. You cannot make moves.",
  goals: ["Follow how each round's moves change the outcomes"],
  moves: [],
}
