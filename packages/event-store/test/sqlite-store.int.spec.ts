import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { EventStore } from "../src/index.js"
import { eventStoreContract } from "./contract.js"

const folder = mkdtempSync(join(tmpdir(), "accord-es-sqlite-"))
let files = 0

eventStoreContract("sqlite", {
  make: () => EventStore.sqlite({ filename: join(folder, `store-${++files}.db`), pollInterval: "50 millis" }),
  cleanup: async () => rmSync(folder, { recursive: true, force: true }),
})
