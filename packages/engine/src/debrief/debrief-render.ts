import { canonicalJson } from "../canonical-json.js"
import type { Debrief } from "./debrief.js"
import { debriefToCsv } from "./debrief-csv.js"
import { debriefToHtml } from "./debrief-html.js"
import { debriefToMarkdown } from "./debrief-markdown.js"

export type DebriefFormat = "json" | "markdown" | "html" | "csv"

/** Media type of each debrief format. */
export const debriefMediaType: Readonly<Record<DebriefFormat, string>> = {
  json: "application/json; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  csv: "text/csv; charset=utf-8",
}

/** Renders a debrief; JSON is canonical (sorted keys), so equal debriefs give equal bytes. */
export const renderDebrief = (debrief: Debrief, format: DebriefFormat): string => {
  switch (format) {
    case "json":
      return canonicalJson(debrief)
    case "markdown":
      return debriefToMarkdown(debrief)
    case "html":
      return debriefToHtml(debrief)
    case "csv":
      return debriefToCsv(debrief)
  }
}
