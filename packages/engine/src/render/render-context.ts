import type { Pack } from "@accord/domain"
import type { IndicatorDrivers } from "../sensitivity/report-drivers.js"

/** What a renderer may know beyond the report itself; everything is optional. */
export interface RenderContext {
  /** The pack the report ran on: gives titles, commitment names, assumption labels and calendar months. */
  readonly pack?: Pack
  /**
   * Where the model-card link points. Reports name the card by its repository
   * path (docs/model.md); a server or a CLI that knows a better address passes it here.
   */
  readonly modelCardHref?: string
  /** The largest drivers of the headline indicators (`reportDrivers`): handouts list them when given. */
  readonly drivers?: ReadonlyArray<IndicatorDrivers>
}

/** Output formats every report-shaped value renders to. */
export const renderFormats = ["json", "markdown", "csv", "html"] as const
export type RenderFormat = (typeof renderFormats)[number]

/** MIME types for each format, for HTTP responses and file downloads. */
export const renderMediaTypes: Record<RenderFormat, string> = {
  json: "application/json; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  html: "text/html; charset=utf-8",
}

/** File extensions for each format. */
export const renderExtensions: Record<RenderFormat, string> = {
  json: "json",
  markdown: "md",
  csv: "csv",
  html: "html",
}
