// Writes docs/lifecycle.svg: the lifecycle diagram drawn from the XState machine
// (run: pnpm --filter @accord/web docs:lifecycle). A unit test fails when it is stale.
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { lifecycleSvg } from "../src/pack/lifecycle-svg.js"

writeFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "lifecycle.svg"), lifecycleSvg())
