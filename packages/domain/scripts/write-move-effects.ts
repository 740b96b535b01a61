// Writes the move-effects table into docs/classroom-guide.md: `pnpm --filter @accord/domain docs:moves`.
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { withMoveEffectsTable } from "../src/exercise/move-effects-table.js"

const target = fileURLToPath(new URL("../../../docs/classroom-guide.md", import.meta.url))
writeFileSync(target, withMoveEffectsTable(readFileSync(target, "utf8")))
console.log(`wrote ${target}`)
