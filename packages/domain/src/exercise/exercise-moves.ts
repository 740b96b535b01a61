import { ParseResult, Schema } from "effect"
import { Sector, sectorLabels } from "../commitment.js"
import type { MoveTypeId } from "../facts/moves.js"
import { CommitmentId } from "../ids.js"
import { AidForm, MAX_MW_DESTROYED } from "../scenario-spec.js"
import type { CounterMeasures } from "./counter-measures.js"

/** A client-chosen id for a move, unique within its exercise; it also names the item a move creates. */
export const MoveId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/, { message: () => "expected 1–64 letters, digits, '-' or '_'" }),
  Schema.brand("MoveId"),
).annotations({ identifier: "MoveId" })
export type MoveId = typeof MoveId.Type

const Share = Schema.Number.pipe(Schema.between(0, 1))
const AmountUsdM = Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(20_000))
const Title = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(120))

/** Japan adopts a sanctions package: it enters the model as a sanctions-package intervention. */
export const AdoptSanctions = Schema.Struct({
  type: Schema.Literal("adopt-sanctions"),
  coverage: Share,
  enforcement: Share,
  label: Schema.optional(Title),
}).annotations({ identifier: "AdoptSanctions" })

/** Japan offers an aid package; it enters the model when Ukraine agrees it. */
export const OfferAid = Schema.Struct({
  type: Schema.Literal("offer-aid"),
  sector: Sector,
  amountUsdM: AmountUsdM,
  form: AidForm,
  title: Schema.optional(Title),
}).annotations({ identifier: "OfferAid" })

/** Japan agrees a project Ukraine proposed (proposed → agreed). */
export const AgreeProject = Schema.Struct({
  type: Schema.Literal("agree-project"),
  item: MoveId,
}).annotations({ identifier: "AgreeProject" })

/** Japan delivers an agreed offer or project in full (agreed → implemented). */
export const DeliverMove = Schema.Struct({
  type: Schema.Literal("deliver"),
  item: MoveId,
}).annotations({ identifier: "DeliverMove" })

/** Japan walks away from one of its commitments from the visit. */
export const WithdrawCommitmentMove = Schema.Struct({
  type: Schema.Literal("withdraw-commitment"),
  commitment: CommitmentId,
}).annotations({ identifier: "WithdrawCommitmentMove" })

/** Ukraine proposes a reconstruction project; it enters the model when Japan agrees it. */
export const ProposeProject = Schema.Struct({
  type: Schema.Literal("propose-project"),
  sector: Sector,
  amountUsdM: AmountUsdM,
  title: Title,
}).annotations({ identifier: "ProposeProject" })

/** Ukraine agrees an offer Japan made (proposed → agreed). */
export const AgreeOffer = Schema.Struct({
  type: Schema.Literal("agree-offer"),
  item: MoveId,
}).annotations({ identifier: "AgreeOffer" })

/** Ukraine declines an offer (proposed → withdrawn). */
export const DeclineOffer = Schema.Struct({
  type: Schema.Literal("decline-offer"),
  item: MoveId,
}).annotations({ identifier: "DeclineOffer" })

/** Russia's counter-measures against sanctions; what each adds to the evasion rate and costs is the pack's. */
export const CounterMeasureKind = Schema.Literal("evasion", "rerouting").annotations({
  identifier: "CounterMeasureKind",
})
export type CounterMeasureKind = typeof CounterMeasureKind.Type

/** Russia takes a counter-measure: sanctions pressure erodes faster from the month it takes effect. */
export const CounterMeasure = Schema.Struct({
  type: Schema.Literal("counter-measure"),
  measure: CounterMeasureKind,
  label: Schema.optional(Title),
}).annotations({ identifier: "CounterMeasure" })

const MwDestroyed = Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(MAX_MW_DESTROYED))

/** The facilitator's strike on Ukraine's grid: it destroys generating capacity (a grid-strike intervention). */
export const GridStrikeInjection = Schema.Struct({
  type: Schema.Literal("grid-strike"),
  mwDestroyed: MwDestroyed,
  label: Schema.optional(Title),
}).annotations({ identifier: "GridStrikeInjection" })

/** The facilitator's scandal or budget freeze: one commitment stalls (if it is agreed when the round closes). */
export const StallInjection = Schema.Struct({
  type: Schema.Literal("stall"),
  commitment: CommitmentId,
  label: Schema.optional(Title),
}).annotations({ identifier: "StallInjection" })

/** The facilitator's election or crisis: one commitment stands still for some months. */
export const DelayInjection = Schema.Struct({
  type: Schema.Literal("delay"),
  commitment: CommitmentId,
  months: Schema.Int.pipe(Schema.between(1, 24)),
  label: Schema.optional(Title),
}).annotations({ identifier: "DelayInjection" })

/** The facilitator has a partner join the sanctions: the partner's own package, adopted when the round closes. */
export const PartnerJoins = Schema.Struct({
  type: Schema.Literal("partner-joins"),
  partner: Title,
  coverage: Share,
  enforcement: Share,
}).annotations({ identifier: "PartnerJoins" })

/** Every move of an exercise. */
export const ExerciseMove = Schema.Union(
  AdoptSanctions,
  OfferAid,
  AgreeProject,
  DeliverMove,
  WithdrawCommitmentMove,
  ProposeProject,
  AgreeOffer,
  DeclineOffer,
  CounterMeasure,
  GridStrikeInjection,
  StallInjection,
  DelayInjection,
  PartnerJoins,
).annotations({ identifier: "ExerciseMove" })
export type ExerciseMove = typeof ExerciseMove.Type
export type MoveType = ExerciseMove["type"]

/**
 * Before injections were typed (grid strike, stall, delay), every injection was a `shock`: one commitment
 * standing still for some months. That is a delay, so a stored shock reads as the delay it always was.
 */
// Fields as encoded: the delay they decode to checks them.
const LegacyShock = Schema.Struct({
  type: Schema.Literal("shock"),
  commitment: Schema.String,
  months: Schema.Number,
  label: Schema.optional(Schema.String),
})
// One way: a delay is always written as a delay (a failing encode sends the union to the current member).
const ShockAsDelay = Schema.transformOrFail(LegacyShock, DelayInjection, {
  strict: true,
  decode: (shock) => ParseResult.succeed({ ...shock, type: "delay" as const }),
  encode: (delay, _, ast) =>
    ParseResult.fail(new ParseResult.Forbidden(ast, delay, "a delay is stored as a delay")),
})

/** A move as events store it: every current move, and a `shock` of older exercises read as a delay. */
export const StoredExerciseMove = Schema.Union(ExerciseMove, ShockAsDelay).annotations({
  identifier: "StoredExerciseMove",
})

// The schemas above and the plain list of move types must name the same moves: a missing one fails tsc.
type SameMoves = [MoveType] extends [MoveTypeId] ? ([MoveTypeId] extends [MoveType] ? true : never) : never
const sameMoves: SameMoves = true
void sameMoves

export { mayMake, movesByActor } from "../facts/moves.js"

/** What a move costs against its role's budget (USD m), with the pack's counter-measures. */
export const moveCostUsdM = (move: ExerciseMove, counterMeasures: CounterMeasures | undefined): number => {
  switch (move.type) {
    case "offer-aid":
    case "propose-project":
      return move.amountUsdM
    case "counter-measure":
      return counterMeasures?.[move.measure].costUsdM ?? 0
    default:
      return 0
  }
}

/** The title of an offer: its own, or its sector's ("Energy aid"). */
export const offerTitle = (move: { readonly title?: string | undefined; readonly sector: Sector }): string =>
  move.title ?? `${sectorLabels[move.sector]} aid`

/** What a description may name: offers and projects by their title and amount, commitments by their title. */
export interface MoveNames {
  /** An offer (Japan's) or project (Ukraine's) by its id; ids are per team, so the kind says whose. */
  readonly item: (
    itemId: string,
    kind: "offer" | "project" | "either",
  ) => { readonly title: string; readonly amountUsdM: number; readonly by: "japan" | "ukraine" } | undefined
  readonly commitment: (commitmentId: string) => string | undefined
}

const noNames: MoveNames = { item: () => undefined, commitment: () => undefined }

/** A share as the builder shows it: a whole percentage. */
const percent = (share: number): string => `${Math.round(share * 100)} %`

const itemText = (names: MoveNames, itemId: string, kind: "offer" | "project" | "either"): string => {
  const item = names.item(itemId, kind)
  if (item === undefined)
    return kind === "either" ? "an offer or project" : `an ${kind === "offer" ? "offer" : "project"}`
  const owner = item.by === "japan" ? "Japan's offer" : "Ukraine's project"
  return `${owner} “${item.title}” (USD ${item.amountUsdM} m)`
}

/**
 * A one-line description of a move, for timelines, debriefs and exports: by
 * titles and amounts, never by ids or internal slugs (`names` resolves the
 * offers, projects and commitments a move acts on).
 */
export const describeMove = (move: ExerciseMove, names: MoveNames = noNames): string => {
  switch (move.type) {
    case "adopt-sanctions":
      return `${move.label ?? "Sanctions package"}: covers ${percent(move.coverage)} of Russia's trade, ${percent(move.enforcement)} enforced`
    case "offer-aid":
      return `Offers “${offerTitle(move)}”: USD ${move.amountUsdM} m ${move.form === "in-kind" ? "in kind" : move.form}`
    case "agree-project":
      return `Agrees ${itemText(names, move.item, "project")}`
    case "deliver":
      return `Delivers ${itemText(names, move.item, "either")}`
    case "withdraw-commitment":
      return `Withdraws “${names.commitment(move.commitment) ?? "a commitment of the visit"}”`
    case "propose-project":
      return `Proposes “${move.title}” (${sectorLabels[move.sector].toLowerCase()}, USD ${move.amountUsdM} m)`
    case "agree-offer":
      return `Agrees ${itemText(names, move.item, "offer")}`
    case "decline-offer":
      return `Declines ${itemText(names, move.item, "offer")}`
    case "counter-measure":
      return (
        move.label ??
        (move.measure === "evasion"
          ? "Sanctions evasion (shadow fleet)"
          : "Trade rerouting via third countries")
      )
    case "grid-strike":
      return `${move.label ?? "Strike on the power grid"}: ${move.mwDestroyed.toLocaleString("en-US")} MW of generating capacity destroyed`
    case "stall":
      return `${move.label ?? "Scandal"}: “${names.commitment(move.commitment) ?? "a commitment"}” stalls`
    case "delay":
      return `${move.label ?? "Election"}: “${names.commitment(move.commitment) ?? "a commitment"}” stands still for ${move.months} months`
    case "partner-joins":
      return `${move.partner} joins the sanctions and adopts a package: covers ${percent(move.coverage)} of Russia's trade, ${percent(move.enforcement)} enforced`
  }
}
