import { Schema } from "effect"

/** The renderings a report-shaped response offers. */
export const ReportFormat = Schema.Literal("json", "markdown", "csv", "html").annotations({
  identifier: "ReportFormat",
  description: "How to render the report; overrides the Accept header",
})
export type ReportFormat = typeof ReportFormat.Type

/** `?format=` as users type it: `md` is accepted for `markdown` (the CLI's spelling). */
export const ReportFormatParam = Schema.transform(
  Schema.Literal("json", "markdown", "md", "csv", "html"),
  ReportFormat,
  {
    strict: true,
    decode: (f) => (f === "md" ? "markdown" : f),
    encode: (f) => f,
  },
).annotations({ description: "json | markdown (or md) | csv | html; overrides the Accept header" })

export const contentTypeOf: Readonly<Record<ReportFormat, string>> = {
  json: "application/json; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  html: "text/html; charset=utf-8",
}

const byMediaType: ReadonlyArray<readonly [string, ReportFormat]> = [
  ["application/json", "json"],
  ["text/markdown", "markdown"],
  ["text/csv", "csv"],
  ["text/html", "html"],
]

/** Picks a format: the query wins; then the Accept header's most preferred known type; JSON otherwise. */
export const negotiateFormat = (
  query: ReportFormat | undefined,
  accept: string | undefined,
): ReportFormat => {
  if (query !== undefined) return query
  if (accept === undefined) return "json"
  const ranked = accept
    .split(",")
    .map((part, order) => {
      const [type = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase())
      const q = params.find((p) => p.startsWith("q="))
      return { type, q: q === undefined ? 1 : Number(q.slice(2)) || 0, order }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
  for (const entry of ranked) {
    const match = byMediaType.find(([type]) => type === entry.type)
    if (match !== undefined) return match[1]
  }
  return "json"
}
