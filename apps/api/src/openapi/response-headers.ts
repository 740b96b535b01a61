import { ReportHash, RunId } from "@accord/domain"
import { Schema } from "effect"
import type { HeaderSpec } from "../http/operation.js"

/** x-report-hash: set on every answer that carries a report (http/report-response.ts). */
export const reportHashHeader = {
  "x-report-hash": { description: "The SHA-256 hash of the canonical report body", schema: ReportHash },
} satisfies Record<string, HeaderSpec>

/** x-run-id: the run that answered (runs.ts). */
export const runIdHeader = {
  "x-run-id": { description: "The run's id; GET /api/runs/{id} tells its status", schema: RunId },
} satisfies Record<string, HeaderSpec>

/** location: where the created resource (or the run's status) can be read. */
export const locationHeader = {
  location: { description: "The URL of what was created", schema: Schema.String },
} satisfies Record<string, HeaderSpec>
