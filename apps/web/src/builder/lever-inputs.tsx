import { useEffect, useId, useState } from "react"

export interface RangeLeverProps {
  readonly label: string
  readonly value: number
  readonly min: number
  readonly max: number
  readonly step?: number
  readonly format?: (value: number) => string
  readonly onChange: (value: number) => void
  readonly name?: string
  /** A number box beside the slider, in the unit people type (e.g. scale 100 for a share typed in %). */
  readonly typed?: { readonly scale: number; readonly unit: string }
}

/** The number box beside a slider: what is typed counts once it is a number within range. */
const TypedValue = ({
  label,
  value,
  min,
  max,
  step,
  typed,
  onChange,
}: Required<Pick<RangeLeverProps, "label" | "value" | "min" | "max" | "step" | "typed" | "onChange">>) => {
  const [draft, setDraft] = useState<string | undefined>()
  const scaled = (v: number) => Math.round(v * typed.scale * 1000) / 1000
  return (
    <span className="typed-value">
      <input
        type="number"
        aria-label={`${label} (${typed.unit})`}
        value={draft ?? String(scaled(value))}
        min={scaled(min)}
        max={scaled(max)}
        step={scaled(step)}
        onChange={(e) => {
          const text = e.currentTarget.value
          setDraft(text)
          const n = Number(text)
          if (text.trim() !== "" && Number.isFinite(n) && n >= scaled(min) && n <= scaled(max))
            onChange(n / typed.scale)
        }}
        onBlur={() => setDraft(undefined)}
      />{" "}
      {typed.unit}
    </span>
  )
}

/** A labelled slider with its value written beside it (keyboard: arrows, Page Up/Down, Home/End), and optionally a number box. */
export const RangeLever = ({
  label,
  value,
  min,
  max,
  step = 1,
  format,
  onChange,
  name,
  typed,
}: RangeLeverProps) => {
  const id = useId()
  const shown = format ? format(value) : String(value)
  return (
    <div className="lever">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={shown}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      {typed === undefined ? (
        <output htmlFor={id} aria-hidden="true">
          {shown}
        </output>
      ) : (
        <TypedValue
          label={label}
          value={value}
          min={min}
          max={max}
          step={step}
          typed={typed}
          onChange={onChange}
        />
      )}
    </div>
  )
}

export interface SelectLeverProps<T extends string> {
  readonly label: string
  readonly value: T
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>
  readonly onChange: (value: T) => void
  readonly name?: string
}

/** A labelled drop-down. */
export const SelectLever = <T extends string>({
  label,
  value,
  options,
  onChange,
  name,
}: SelectLeverProps<T>) => {
  const id = useId()
  return (
    <div className="lever">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export interface NumberLeverProps {
  readonly label: string
  readonly value: number
  readonly min: number
  readonly max: number
  readonly onChange: (value: number) => void
  readonly name?: string
}

/**
 * A labelled whole-number field. It keeps what is typed (an empty field while
 * retyping) and reports only whole numbers inside its range.
 */
export const NumberLever = ({ label, value, min, max, onChange, name }: NumberLeverProps) => {
  const id = useId()
  const [draft, setDraft] = useState(String(value))
  useEffect(() => setDraft(String(value)), [value])
  const v = Number(draft)
  const valid = draft !== "" && Number.isInteger(v) && v >= min && v <= max
  return (
    <div className="lever">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        aria-invalid={!valid}
        onChange={(e) => {
          const text = e.currentTarget.value
          setDraft(text)
          const n = Number(text)
          if (text !== "" && Number.isInteger(n) && n >= min && n <= max) onChange(n)
        }}
      />
    </div>
  )
}
