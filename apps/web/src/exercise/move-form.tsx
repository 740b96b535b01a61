import type { MoveEffectRow } from "@accord/domain"
import { type ExerciseActorId, movesByActor, sectorIds, sectorLabels } from "@accord/domain/facts"
import { type FormEvent, useEffect, useId, useState } from "react"
import { type ExerciseState, explainError, fetchMoveEffects, submitMove } from "./exercise-api.js"

type Actor = ExerciseActorId

const MOVE_LABELS: Readonly<Record<string, string>> = {
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

/** Commitments of the pack a move can name (Japan's withdrawals, the facilitator's stalls and delays). */
export interface CommitmentChoice {
  readonly id: string
  readonly title: string
}

/** The move-effects table (GET /api/exercise-moves), fetched once per page; undefined until it arrives. */
const useMoveEffects = (): ReadonlyArray<MoveEffectRow> | undefined => {
  const [rows, setRows] = useState<ReadonlyArray<MoveEffectRow> | undefined>()
  useEffect(() => {
    let live = true
    fetchMoveEffects()
      .then((r) => {
        if (live) setRows(r)
      })
      // Without the table the form still works; it only cannot say what the move does.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return rows
}

const ARROW = { up: "↑", down: "↓" } as const

/** What the chosen move does in the model, from the same table as the classroom guide. */
const MoveEffect = ({ row }: { readonly row: MoveEffectRow | undefined }) =>
  row === undefined ? null : (
    <div className="hint move-effect" aria-live="polite">
      <p>
        <strong>In the model:</strong> {row.specChange}.
      </p>
      <p>
        {row.moves.length === 0
          ? "Moves no indicator by itself."
          : `Moves: ${row.moves.map((m) => `${m.indicator} ${ARROW[m.direction]}`).join(", ")}.`}
        {row.scope === undefined ? "" : ` (${row.scope}.)`}
      </p>
    </div>
  )

/** A form for one move of the open round, with fields for the chosen move type. */
export const MoveForm = ({
  exercise,
  token,
  actor,
  commitments,
  onSubmitted,
}: {
  readonly exercise: ExerciseState
  readonly token: string
  readonly actor: Actor
  readonly commitments: ReadonlyArray<CommitmentChoice>
  readonly onSubmitted: () => void
}) => {
  const id = useId()
  const effects = useMoveEffects()
  const types = movesByActor[actor]
  const [type, setType] = useState(types[0] as string)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>()
  const [busy, setBusy] = useState(false)
  const field = (name: string, fallback: string) => fields[name] ?? fallback
  const set = (name: string) => (value: string) => setFields((f) => ({ ...f, [name]: value }))

  const items = exercise.items
  const choices: Record<string, ReadonlyArray<{ id: string; label: string }>> = {
    "agree-project": items
      .filter((i) => i.kind === "project" && i.state === "proposed")
      .map((i) => ({ id: i.itemId, label: `${i.title} (USD ${i.amountUsdM} m)` })),
    "agree-offer": items
      .filter((i) => i.kind === "offer" && i.state === "proposed")
      .map((i) => ({ id: i.itemId, label: `${i.title} (USD ${i.amountUsdM} m ${i.form})` })),
    "decline-offer": items
      .filter((i) => i.kind === "offer" && i.state === "proposed")
      .map((i) => ({ id: i.itemId, label: i.title })),
    deliver: items.filter((i) => i.state === "agreed").map((i) => ({ id: i.itemId, label: i.title })),
  }

  const move = (): Record<string, unknown> => {
    const num = (name: string, fallback: string) => Number(field(name, fallback))
    // Shares are typed as percentages, as in the builder; the API takes 0–1.
    const pct = (name: string, fallback: string) => Number(field(name, fallback)) / 100
    switch (type) {
      case "adopt-sanctions":
        return { type, coverage: pct("coverage", "20"), enforcement: pct("enforcement", "70") }
      case "offer-aid":
        return {
          type,
          sector: field("sector", "energy"),
          amountUsdM: num("amount", "300"),
          form: field("form", "grant"),
          title: field("title", "Energy grid repair"),
        }
      case "propose-project":
        return {
          type,
          sector: field("sector", "energy"),
          amountUsdM: num("amount", "200"),
          title: field("title", "Substation rebuild"),
        }
      case "agree-project":
      case "agree-offer":
      case "decline-offer":
      case "deliver":
        return { type, item: field("item", choices[type]?.[0]?.id ?? "") }
      case "withdraw-commitment":
        return { type, commitment: field("commitment", commitments[0]?.id ?? "") }
      case "counter-measure":
        return { type, measure: field("measure", "evasion") }
      case "grid-strike":
        return {
          type,
          mwDestroyed: num("mwDestroyed", "500"),
          label: field("label", "Strike on the power grid"),
        }
      case "stall":
        return {
          type,
          commitment: field("commitment", commitments[0]?.id ?? ""),
          label: field("label", "Scandal in Tokyo"),
        }
      case "delay":
        return {
          type,
          commitment: field("commitment", commitments[0]?.id ?? ""),
          months: num("months", "3"),
          label: field("label", "Election"),
        }
      default:
        return {
          type,
          partner: field("partner", "South Korea"),
          coverage: pct("coverage", "10"),
          enforcement: pct("enforcement", "60"),
        }
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (exercise.openRound === null) return
    setBusy(true)
    setMessage(undefined)
    try {
      await submitMove(exercise.id, token, crypto.randomUUID(), exercise.openRound, move())
      setMessage({
        ok: true,
        text: `Submitted: ${MOVE_LABELS[type]}. Offers, projects and answers reach the other side of the deal at once; everything else shows when the round closes.`,
      })
      setFields({})
      onSubmitted()
    } catch (e) {
      setMessage({ ok: false, text: explainError(e) })
    } finally {
      setBusy(false)
    }
  }

  const select = (
    name: string,
    label: string,
    options: ReadonlyArray<{ id: string; label: string }>,
    fallback: string,
  ) => (
    <div className="lever">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        value={name === "type" ? type : field(name, fallback)}
        onChange={(e) => {
          if (name !== "type") return set(name)(e.target.value)
          setType(e.target.value)
          setFields({})
        }}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
  const input = (
    name: string,
    label: string,
    fallback: string,
    kind: "number" | "text",
    extra: Record<string, string> = {},
  ) => (
    <div className="lever">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={kind}
        value={field(name, fallback)}
        onChange={(e) => set(name)(e.target.value)}
        {...extra}
      />
    </div>
  )
  const share = { min: "0", max: "100", step: "5" }
  const sectors = sectorIds.map((s) => ({ id: s, label: sectorLabels[s] }))
  const itemChoices = choices[type]

  return (
    <form className="move-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your move for round {exercise.openRound}</h3>
      {select(
        "type",
        "Move",
        types.map((t) => ({ id: t, label: MOVE_LABELS[t] ?? t })),
        type,
      )}
      {(type === "adopt-sanctions" || type === "partner-joins") && (
        <>
          {type === "partner-joins" && input("partner", "Partner", "South Korea", "text")}
          {input(
            "coverage",
            "Coverage (% of Russia's trade covered)",
            type === "partner-joins" ? "10" : "20",
            "number",
            share,
          )}
          {input(
            "enforcement",
            "Enforcement (% of covered trade actually stopped)",
            type === "partner-joins" ? "60" : "70",
            "number",
            share,
          )}
        </>
      )}
      {(type === "offer-aid" || type === "propose-project") && (
        <>
          {input(
            "title",
            "Title",
            type === "offer-aid" ? "Energy grid repair" : "Substation rebuild",
            "text",
          )}
          {select("sector", "Sector", sectors, "energy")}
          {input("amount", "Amount (USD m)", type === "offer-aid" ? "300" : "200", "number", {
            min: "1",
            step: "1",
          })}
          {type === "offer-aid" &&
            select(
              "form",
              "Form",
              [
                { id: "grant", label: "grant" },
                { id: "loan", label: "loan" },
                { id: "in-kind", label: "in kind" },
              ],
              "grant",
            )}
        </>
      )}
      {itemChoices !== undefined &&
        (itemChoices.length === 0 ? (
          <p className="hint">
            Nothing to answer yet: offers and projects appear here as soon as they are made, and can be
            answered in the same round.
          </p>
        ) : (
          select("item", "Which one", itemChoices, itemChoices[0]?.id ?? "")
        ))}
      {(type === "withdraw-commitment" || type === "stall" || type === "delay") &&
        select(
          "commitment",
          "Commitment",
          commitments.map((c) => ({ id: c.id, label: c.title })),
          commitments[0]?.id ?? "",
        )}
      {type === "grid-strike" && (
        <>
          {input("label", "What happens", "Strike on the power grid", "text")}
          {input("mwDestroyed", "Generating capacity destroyed (MW)", "500", "number", {
            // step counts from min: 10, 20, … (500 must be a valid value)
            min: "10",
            max: "30000",
            step: "10",
          })}
        </>
      )}
      {type === "stall" && input("label", "What happens", "Scandal in Tokyo", "text")}
      {type === "delay" && (
        <>
          {input("label", "What happens", "Election", "text")}
          {input("months", "Months it stands still", "3", "number", { min: "1", max: "24", step: "1" })}
        </>
      )}
      {type === "counter-measure" &&
        select(
          "measure",
          "Counter-measure",
          [
            { id: "evasion", label: "Evasion: shadow fleet, relabelled origin (erodes faster, costs more)" },
            { id: "rerouting", label: "Rerouting through third countries (erodes slower, costs less)" },
          ],
          "evasion",
        )}
      <MoveEffect row={effects?.find((r) => r.move === type)} />
      <button
        type="submit"
        disabled={
          busy || exercise.openRound === null || (itemChoices !== undefined && itemChoices.length === 0)
        }
      >
        Submit move
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "hint" : "error"}>
          {message.text}
        </p>
      )}
    </form>
  )
}
