import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { it } from "vitest"
import { EventStore } from "../src/index.js"
import { eventStoreContract } from "./contract.js"
import { crossInstanceDelivery } from "./cross-instance.js"

const folder = mkdtempSync(join(tmpdir(), "accord-es-sqlite-"))
let files = 0

eventStoreContract("sqlite", {
  make: () => EventStore.sqlite({ filename: join(folder, `store-${++files}.db`), pollInterval: "50 millis" }),
  cleanup: async () => rmSync(folder, { recursive: true, force: true }),
})

it("a subscription sees appends made through another store on the same file (polling)", () => {
  const filename = join(folder, "shared.db")
  return Effect.runPromise(
    crossInstanceDelivery(
      EventStore.sqlite({ filename, pollInterval: "50 millis" }),
      EventStore.sqlite({ filename }),
    ),
  )
})
