import { ReportFormatParam } from "../http/report-format.js"

/** `?format=` of report-shaped responses. */
export const formatQuery = {
  format: {
    description: "json | markdown (md) | csv | html; overrides the Accept header",
    schema: ReportFormatParam,
  },
}
