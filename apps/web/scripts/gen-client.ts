import { writeFile } from "node:fs/promises"
import { fileURLToPath } from "node:url"
import { clientTypesPath, renderClientTypes } from "./client-types.js"

await writeFile(clientTypesPath, await renderClientTypes())
console.log(`wrote ${fileURLToPath(clientTypesPath)}`)
