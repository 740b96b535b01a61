import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, expect, it } from "vitest"
import { EventStore } from "../src/index.js"
import { checkDurability } from "./durability.js"

const folder = mkdtempSync(join(tmpdir(), "accord-es-durable-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

it("SQLite keeps every acknowledged batch, whole, across 20 SIGKILLs", async () => {
  const filename = join(folder, "durable.db")
  const acknowledged = await checkDurability(
    ["sqlite", filename, "-"],
    () => EventStore.sqlite({ filename }),
    20251128,
  )
  expect(acknowledged).toBeGreaterThan(20)
}, 240_000)
