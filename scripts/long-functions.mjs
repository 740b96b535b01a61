// Lists functions longer than a limit (default 80 lines) in the packages' and apps' source, longest first, and
// exits 1 when there is one: part of `pnpm lint` (a function a newcomer cannot read in one screen is split into
// functions named for what they do). Usage: node scripts/long-functions.mjs [limit]
import { execSync } from "node:child_process"
import { readFileSync } from "node:fs"
import ts from "typescript"

const limit = Number(process.argv[2] ?? 80)

const files = execSync("git ls-files 'apps/*/src/**/*.ts' 'apps/*/src/**/*.tsx' 'packages/*/src/**/*.ts'", {
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => f && !f.includes(".spec.") && !f.endsWith(".gen.ts"))
const out = []
for (const f of files) {
  const text = readFileSync(f, "utf8")
  const sf = ts.createSourceFile(
    f,
    text,
    ts.ScriptTarget.Latest,
    true,
    f.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const visit = (n) => {
    if (
      ts.isFunctionDeclaration(n) ||
      ts.isMethodDeclaration(n) ||
      ts.isArrowFunction(n) ||
      ts.isFunctionExpression(n)
    ) {
      const a = sf.getLineAndCharacterOfPosition(n.getStart()).line,
        b = sf.getLineAndCharacterOfPosition(n.getEnd()).line
      if (b - a + 1 > limit) out.push([b - a + 1, `${f}:${a + 1}`])
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
}
for (const [lines, at] of out.sort((x, y) => y[0] - x[0])) console.log(lines, at)
if (out.length > 0) {
  console.error(`long-functions: ${out.length} function(s) over ${limit} lines (above): split them`)
  process.exit(1)
}
