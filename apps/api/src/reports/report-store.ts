import { Report } from "@accord/engine"
import { EventStore, schemaCodec } from "@accord/event-store"
import { Effect } from "effect"
import { NotFound } from "../http/api-error.js"

/** A report body lives in its own stream, named by its hash, as one `ReportStored` event. */
const reportStream = (hash: string) => `report-${hash}`
const reportCodec = schemaCodec(Report)

/** Stores a report by hash; storing the same report again (here or on another instance) writes nothing. */
export const saveReport = (report: Report) =>
  Effect.flatMap(EventStore, (store) =>
    store.append(reportStream(report.hash), "any", [
      // The id is the hash, so a second store of the same body is the store's idempotent retry.
      { eventId: reportStream(report.hash), type: "ReportStored", v: 1, data: report },
    ]),
  )

/** The stored report with this hash, if any. */
export const findReport = (hash: string) =>
  Effect.flatMap(EventStore, (store) =>
    Effect.map(store.readStream(reportStream(hash), { codec: reportCodec }), (events) => events[0]?.data),
  )

/** The stored report with this hash, or 404. */
export const loadReport = (hash: string) =>
  Effect.flatMap(findReport(hash), (report) =>
    report === undefined
      ? Effect.fail(new NotFound({ message: `no stored report '${hash}'`, resource: "report", id: hash }))
      : Effect.succeed(report),
  )
