import { useState } from "react"
import type { Choice } from "../scenario-choices.js"
import type { ExerciseState } from "./exercise-api.js"

/** Commitments of the pack a move can name (Japan's withdrawals, the facilitator's stalls and delays). */
export interface CommitmentChoice {
  readonly id: string
  readonly title: string
}

export type { Choice } from "../scenario-choices.js"

export const MOVE_LABELS: Readonly<Record<string, string>> = {
  "adopt-sanctions": "Adopt a sanctions package",
  "offer-aid": "Offer an aid package",
  "agree-project": "Agree a project Ukraine proposed",
  deliver: "Deliver an agreed package or project",
  "withdraw-commitment": "Withdraw a commitment",
  "propose-project": "Propose a reconstruction project",
  "agree-offer": "Agree an offer from Japan",
  "decline-offer": "Decline an offer from Japan",
  "counter-measure": "Take a counter-measure",
  "grid-strike": "Strike on the power grid",
  stall: "A commitment stalls (a scandal)",
  delay: "A commitment stands still (an election)",
  "partner-joins": "A new partner joins the sanctions",
}

/** Each move type's fields as the form first shows them (shares as percentages, as in the builder). */
const DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "adopt-sanctions": { coverage: "20", enforcement: "70" },
  "partner-joins": { partner: "South Korea", coverage: "10", enforcement: "60" },
  "offer-aid": { title: "Energy grid repair", sector: "energy", amount: "300", form: "grant" },
  "propose-project": { title: "Substation rebuild", sector: "energy", amount: "200" },
  "counter-measure": { measure: "evasion" },
  "grid-strike": { label: "Strike on the power grid", mwDestroyed: "500" },
  stall: { label: "Scandal in Tokyo" },
  delay: { label: "Election", months: "3" },
}

/** The open items a move answers or delivers, by move type. */
export const itemChoices = (
  items: ExerciseState["items"],
): Readonly<Record<string, ReadonlyArray<Choice>>> => {
  const proposed = (kind: string) => items.filter((i) => i.kind === kind && i.state === "proposed")
  return {
    "agree-project": proposed("project").map((i) => ({
      value: i.itemId,
      label: `${i.title} (USD ${i.amountUsdM} m)`,
    })),
    "agree-offer": proposed("offer").map((i) => ({
      value: i.itemId,
      label: `${i.title} (USD ${i.amountUsdM} m ${i.form})`,
    })),
    "decline-offer": proposed("offer").map((i) => ({ value: i.itemId, label: i.title })),
    deliver: items.filter((i) => i.state === "agreed").map((i) => ({ value: i.itemId, label: i.title })),
  }
}

/** What a move body holds for each type: its fields, numbers as numbers and shares as 0–1. */
const BODY: Readonly<Record<string, ReadonlyArray<readonly [string, string, "text" | "number" | "share"]>>> =
  {
    "adopt-sanctions": [
      ["coverage", "coverage", "share"],
      ["enforcement", "enforcement", "share"],
    ],
    "partner-joins": [
      ["partner", "partner", "text"],
      ["coverage", "coverage", "share"],
      ["enforcement", "enforcement", "share"],
    ],
    "offer-aid": [
      ["sector", "sector", "text"],
      ["amountUsdM", "amount", "number"],
      ["form", "form", "text"],
      ["title", "title", "text"],
    ],
    "propose-project": [
      ["sector", "sector", "text"],
      ["amountUsdM", "amount", "number"],
      ["title", "title", "text"],
    ],
    "agree-project": [["item", "item", "text"]],
    "agree-offer": [["item", "item", "text"]],
    "decline-offer": [["item", "item", "text"]],
    deliver: [["item", "item", "text"]],
    "withdraw-commitment": [["commitment", "commitment", "text"]],
    "counter-measure": [["measure", "measure", "text"]],
    "grid-strike": [
      ["mwDestroyed", "mwDestroyed", "number"],
      ["label", "label", "text"],
    ],
    stall: [
      ["commitment", "commitment", "text"],
      ["label", "label", "text"],
    ],
    delay: [
      ["commitment", "commitment", "text"],
      ["months", "months", "number"],
      ["label", "label", "text"],
    ],
  }

/** The draft of one move: its type, every field's value (typed or default), and the body to submit. */
export const useMoveDraft = (
  firstType: string,
  choices: Readonly<Record<string, ReadonlyArray<Choice>>>,
  commitments: ReadonlyArray<CommitmentChoice>,
) => {
  const [type, setTypeState] = useState(firstType)
  const [fields, setFields] = useState<Record<string, string>>({})
  const value = (name: string): string =>
    fields[name] ??
    DEFAULTS[type]?.[name] ??
    (name === "item"
      ? (choices[type]?.[0]?.value ?? "")
      : name === "commitment"
        ? (commitments[0]?.id ?? "")
        : "")
  const set = (name: string) => (v: string) => setFields((f) => ({ ...f, [name]: v }))
  const setType = (t: string) => {
    setTypeState(t)
    setFields({})
  }
  const body = (): Record<string, unknown> => {
    const entries = (BODY[type] ?? []).map(([key, name, kind]) => {
      const v = value(name)
      return [key, kind === "text" ? v : kind === "number" ? Number(v) : Number(v) / 100] as const
    })
    return { type, ...Object.fromEntries(entries) }
  }
  return { type, setType, value, set, body, reset: () => setFields({}) }
}

export type MoveDraft = ReturnType<typeof useMoveDraft>
