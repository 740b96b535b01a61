import { formatNumber } from "@accord/domain/facts"

/** A table's head: one row of column headers. */
export const HeadRow = ({ names }: { readonly names: ReadonlyArray<string> }) => (
  <thead>
    <tr>
      <ColumnHeads names={names} />
    </tr>
  </thead>
)

/** Column headers, one per name (a name may repeat, as p10 does under two column groups). */
export const ColumnHeads = ({ names }: { readonly names: ReadonlyArray<string> }) => (
  <>
    {names.map((name, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns never reorder
      <th key={i} scope="col">
        {name}
      </th>
    ))}
  </>
)

/** The p10, p50 and p90 cells of a row, in the unit's format; dashes where there are no quantiles. */
export const QuantileCells = ({
  q,
  unit,
}: {
  readonly q: { readonly p10: number; readonly p50: number; readonly p90: number } | undefined
  readonly unit?: string
}) => (
  <>
    <td>{q ? formatNumber(q.p10, unit) : "–"}</td>
    <td>{q ? formatNumber(q.p50, unit) : "–"}</td>
    <td>{q ? formatNumber(q.p90, unit) : "–"}</td>
  </>
)
