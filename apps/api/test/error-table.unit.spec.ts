import { InvalidInput, MoveNotAllowedForRole } from "@accord/domain"
import { PackIncomplete, SpecDoesNotFitPack } from "@accord/engine"
import { ExpectedVersionMismatch, StorageFailure } from "@accord/event-store"
import { Effect, Schema } from "effect"
import type { Context } from "hono"
import { describe, expect, it } from "vitest"
import { TooManyRequests } from "../src/http/api-error.js"
import type { RunHandler } from "../src/http/effect-handler.js"
import { errorTable, toHttpFailure } from "../src/http/error-table.js"

class NotInTheTable extends Schema.TaggedError<NotInTheTable>()("NotInTheTable", {
  message: Schema.String,
}) {}

describe("the error table", () => {
  it("refuses, at compile time, a handler failing with an error it does not list", () => {
    // Type-level only: `tsc` fails if the handler runner accepted an error outside the table.
    const typeChecks = (run: RunHandler<never>, c: Context) => {
      // @ts-expect-error NotInTheTable has no row in errorTable
      void run(c, Effect.fail(new NotInTheTable({ message: "x" })))
      void run(c, Effect.fail(new InvalidInput({ message: "x", issues: [] })))
    }
    expect(typeof typeChecks).toBe("function")
    // @ts-expect-error every tag of ServiceError needs its row: an object without one is not an ErrorTable
    const partial: typeof errorTable = { InvalidInput: { status: 400 } }
    expect(partial).toBeDefined()
  })

  it("gives every 4xx at least one issue with a path", () => {
    for (const [tag, answer] of Object.entries(errorTable)) {
      if (answer === "defect" || answer.status >= 500) continue
      const error = { _tag: tag, message: `${tag} happened`, issues: [], retryAfterSeconds: 1, resource: "x" }
      const failure = toHttpFailure(error)
      expect(failure?.status, tag).toBe(answer.status)
      expect(failure?.body.issues.length, tag).toBeGreaterThan(0)
    }
  })

  it("carries an error's own issues, and names the field otherwise", () => {
    const spec = new SpecDoesNotFitPack({
      message: "no",
      issues: [{ path: "interventions.0", message: "x" }],
    })
    expect(toHttpFailure(spec)?.body.issues).toEqual([{ path: "interventions.0", message: "x" }])
    const move = new MoveNotAllowedForRole({ message: "not russia's", role: "russia", moveType: "aid" })
    expect(toHttpFailure(move)).toMatchObject({
      status: 403,
      body: { error: "MoveNotAllowedForRole", issues: [{ path: "move.type", message: "not russia's" }] },
    })
  })

  it("sends headers and hides what must not leave the process", () => {
    expect(toHttpFailure(new TooManyRequests({ message: "wait", retryAfterSeconds: 7 }))?.headers).toEqual({
      "retry-after": "7",
    })
    const storage = toHttpFailure(
      new StorageFailure({ operation: "read", message: "host db.internal refused" }),
    )
    expect(storage?.status).toBe(503)
    expect(JSON.stringify(storage?.body)).not.toContain("db.internal")
    const version = toHttpFailure(new ExpectedVersionMismatch({ stream: "s", expected: 2, actual: 3 }))
    expect(version?.body.issues[0]?.path).toBe("expectedVersion")
  })

  it("leaves the service's own faults to the 500 path", () => {
    expect(toHttpFailure(new PackIncomplete({ pack: "p", message: "gap", issues: [] }))).toBeUndefined()
    expect(toHttpFailure(new NotInTheTable({ message: "x" }))).toBeUndefined()
    expect(toHttpFailure("a string")).toBeUndefined()
  })
})
