import { Schema } from "effect"
import { Sector, sectorLabels } from "../commitment.js"
import { CommitmentId } from "../ids.js"
import { AidForm } from "../scenario-spec.js"
import type { ExerciseActor } from "./exercise-roles.js"

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

/** Russia's counter-measures against sanctions, with how much each adds to the monthly evasion rate. */
export const CounterMeasureKind = Schema.Literal("evasion", "rerouting").annotations({
  identifier: "CounterMeasureKind",
})
export type CounterMeasureKind = typeof CounterMeasureKind.Type
export const counterMeasureEffect: Readonly<
  Record<CounterMeasureKind, { evasionPerMonth: number; costUsdM: number }>
> = {
  // Shadow fleet and relabelled origin: the larger erosion, the larger cost.
  evasion: { evasionPerMonth: 0.008, costUsdM: 300 },
  // Trade through third countries: slower erosion, cheaper.
  rerouting: { evasionPerMonth: 0.005, costUsdM: 150 },
}

/** Russia takes a counter-measure: sanctions pressure erodes faster from the month it takes effect. */
export const CounterMeasure = Schema.Struct({
  type: Schema.Literal("counter-measure"),
  measure: CounterMeasureKind,
  label: Schema.optional(Title),
}).annotations({ identifier: "CounterMeasure" })

/** The facilitator's shock: one commitment stands still for some months (a strike, a political crisis). */
export const Shock = Schema.Struct({
  type: Schema.Literal("shock"),
  commitment: CommitmentId,
  months: Schema.Int.pipe(Schema.between(1, 24)),
  label: Schema.optional(Title),
}).annotations({ identifier: "Shock" })

/** The facilitator has a new actor join the sanctions: a package of its own. */
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
  Shock,
  PartnerJoins,
).annotations({ identifier: "ExerciseMove" })
export type ExerciseMove = typeof ExerciseMove.Type
export type MoveType = ExerciseMove["type"]

/** Which moves each actor may make: what its real counterpart could do. */
export const movesByActor: Readonly<Record<ExerciseActor, ReadonlyArray<MoveType>>> = {
  japan: ["adopt-sanctions", "offer-aid", "agree-project", "deliver", "withdraw-commitment"],
  ukraine: ["propose-project", "agree-offer", "decline-offer"],
  russia: ["counter-measure"],
  facilitator: ["shock", "partner-joins"],
}

/** Whether an actor may make a move of this type. */
export const mayMake = (actor: ExerciseActor, type: MoveType): boolean => movesByActor[actor].includes(type)

/** What a move costs against its role's budget (USD m). */
export const moveCostUsdM = (move: ExerciseMove): number => {
  switch (move.type) {
    case "offer-aid":
    case "propose-project":
      return move.amountUsdM
    case "counter-measure":
      return counterMeasureEffect[move.measure].costUsdM
    default:
      return 0
  }
}

/** The title of an offer: its own, or its sector's ("Energy aid"). */
export const offerTitle = (move: { readonly title?: string | undefined; readonly sector: Sector }): string =>
  move.title ?? `${sectorLabels[move.sector]} aid`

/** What a description may name: offers and projects by their title and amount, commitments by their title. */
export interface MoveNames {
  readonly item: (
    itemId: string,
  ) => { readonly title: string; readonly amountUsdM: number; readonly by: "japan" | "ukraine" } | undefined
  readonly commitment: (commitmentId: string) => string | undefined
}

const noNames: MoveNames = { item: () => undefined, commitment: () => undefined }

/** A share as the builder shows it: a whole percentage. */
const percent = (share: number): string => `${Math.round(share * 100)} %`

const itemText = (names: MoveNames, itemId: string, kind: "offer" | "project" | "either"): string => {
  const item = names.item(itemId)
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
    case "shock":
      return `${move.label ?? "Shock"}: “${names.commitment(move.commitment) ?? "a commitment"}” stands still for ${move.months} months`
    case "partner-joins":
      return `${move.partner} joins the sanctions: covers ${percent(move.coverage)} of Russia's trade, ${percent(move.enforcement)} enforced`
  }
}
