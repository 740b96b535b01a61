import { type ReactNode, useState } from "react"

/**
 * A disclosure whose content is only rendered while open: a page of fan charts
 * carries a table per chart, and rendering hundreds of hidden rows on every
 * lever move would slow the redraw the class is waiting for.
 */
export const TableToggle = ({
  label,
  children,
}: {
  readonly label: string
  readonly children: () => ReactNode
}) => {
  const [open, setOpen] = useState(false)
  return (
    <details className="table-toggle" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}</summary>
      {open && children()}
    </details>
  )
}
