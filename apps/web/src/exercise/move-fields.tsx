import { sectorIds, sectorLabels } from "@accord/domain/facts"
import { SelectLever } from "../builder/lever-inputs.js"
import type { Choice, CommitmentChoice, MoveDraft } from "./move-draft.js"

interface FieldProps {
  readonly draft: MoveDraft
  readonly id: string
  readonly name: string
  readonly label: string
}

/** A select bound to a field of the draft. */
export const FieldSelect = ({
  draft,
  name,
  label,
  options,
}: FieldProps & { options: ReadonlyArray<Choice> }) => (
  <SelectLever
    label={label}
    name={name}
    value={draft.value(name)}
    onChange={draft.set(name)}
    options={options}
  />
)

/** A text or number input bound to a field of the draft. */
export const FieldInput = ({
  draft,
  id,
  name,
  label,
  kind = "text",
  extra = {},
}: FieldProps & { kind?: "number" | "text"; extra?: Record<string, string> }) => (
  <div className="lever">
    <label htmlFor={`${id}-${name}`}>{label}</label>
    <input
      id={`${id}-${name}`}
      type={kind}
      value={draft.value(name)}
      onChange={(e) => draft.set(name)(e.target.value)}
      {...extra}
    />
  </div>
)

const SHARE = { min: "0", max: "100", step: "5" }
const SECTORS = sectorIds.map((s) => ({ value: s, label: sectorLabels[s] }))
const AID_FORMS = [
  { value: "grant", label: "grant" },
  { value: "loan", label: "loan" },
  { value: "in-kind", label: "in kind" },
]
const MEASURES = [
  { value: "evasion", label: "Evasion: shadow fleet, relabelled origin (erodes faster, costs more)" },
  { value: "rerouting", label: "Rerouting through third countries (erodes slower, costs less)" },
]

/** A sanctions package's fields (Japan's, or a partner's that joins). */
const SanctionsFields = ({ draft, id }: { draft: MoveDraft; id: string }) => (
  <>
    {draft.type === "partner-joins" && <FieldInput draft={draft} id={id} name="partner" label="Partner" />}
    <FieldInput
      {...{ draft, id, kind: "number", extra: SHARE }}
      name="coverage"
      label="Coverage (% of Russia's trade covered)"
    />
    <FieldInput
      {...{ draft, id, kind: "number", extra: SHARE }}
      name="enforcement"
      label="Enforcement (% of covered trade actually stopped)"
    />
  </>
)

/** An aid offer's or a project's fields. */
const MoneyFields = ({ draft, id }: { draft: MoveDraft; id: string }) => (
  <>
    <FieldInput draft={draft} id={id} name="title" label="Title" />
    <FieldSelect draft={draft} id={id} name="sector" label="Sector" options={SECTORS} />
    <FieldInput
      draft={draft}
      id={id}
      name="amount"
      label="Amount (USD m)"
      kind="number"
      extra={{ min: "1", step: "1" }}
    />
    {draft.type === "offer-aid" && (
      <FieldSelect draft={draft} id={id} name="form" label="Form" options={AID_FORMS} />
    )}
  </>
)

/** The open items a move answers: a select, or a note that there is nothing to answer yet. */
const ItemField = ({ draft, id, items }: { draft: MoveDraft; id: string; items: ReadonlyArray<Choice> }) =>
  items.length === 0 ? (
    <p className="hint">
      Nothing to answer yet: offers and projects appear here as soon as they are made, and can be answered in
      the same round.
    </p>
  ) : (
    <FieldSelect draft={draft} id={id} name="item" label="Which one" options={items} />
  )

/** The fields of the draft's move type, in the order a player fills them. */
export const MoveFields = ({
  draft,
  id,
  items,
  commitments,
}: {
  readonly draft: MoveDraft
  readonly id: string
  readonly items: ReadonlyArray<Choice> | undefined
  readonly commitments: ReadonlyArray<CommitmentChoice>
}) => {
  const t = draft.type
  const field = { draft, id }
  return (
    <>
      {(t === "adopt-sanctions" || t === "partner-joins") && <SanctionsFields {...field} />}
      {(t === "offer-aid" || t === "propose-project") && <MoneyFields {...field} />}
      {items !== undefined && <ItemField {...field} items={items} />}
      {(t === "withdraw-commitment" || t === "stall" || t === "delay") && (
        <FieldSelect
          {...field}
          name="commitment"
          label="Commitment"
          options={commitments.map((c) => ({ value: c.id, label: c.title }))}
        />
      )}
      {(t === "grid-strike" || t === "stall" || t === "delay") && (
        <FieldInput {...field} name="label" label="What happens" />
      )}
      {t === "grid-strike" && (
        // step counts from min: 10, 20, … (500 must be a valid value)
        <FieldInput
          {...field}
          name="mwDestroyed"
          label="Generating capacity destroyed (MW)"
          kind="number"
          extra={{ min: "10", max: "30000", step: "10" }}
        />
      )}
      {t === "delay" && (
        <FieldInput
          {...field}
          name="months"
          label="Months it stands still"
          kind="number"
          extra={{ min: "1", max: "24", step: "1" }}
        />
      )}
      {t === "counter-measure" && (
        <FieldSelect {...field} name="measure" label="Counter-measure" options={MEASURES} />
      )}
    </>
  )
}
