import type { FormEvent } from "react"
import { explainError } from "./exercise-api.js"

/** A labelled text input with an optional hint under it (the classroom forms' one field). */
export const Field = ({
  id,
  label,
  value,
  onChange,
  hint,
  required = true,
  type = "text",
  extra = {},
}: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (v: string) => void
  readonly hint?: string
  readonly required?: boolean
  readonly type?: string
  readonly extra?: Record<string, string>
}) => (
  <div className="lever">
    <label htmlFor={id}>{label}</label>
    <input
      id={id}
      type={type}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      {...(hint === undefined ? {} : { "aria-describedby": `${id}-hint` })}
      {...extra}
    />
    {hint && (
      <small id={`${id}-hint`} className="hint">
        {hint}
      </small>
    )}
  </div>
)

/** A form's submit handler: runs the action in place of the page load; a refusal becomes the explained text. */
export const submitting =
  (action: () => Promise<void>, onError: (text: string) => void) => async (event: FormEvent) => {
    event.preventDefault()
    try {
      await action()
    } catch (e) {
      onError(explainError(e))
    }
  }
