import { dirname } from "node:path"
import { FileSystem } from "@effect/platform"
import { Effect } from "effect"
import { OutputUnwritable } from "./cli-errors.js"
import { displayPath, resolveUserPath } from "./user-path.js"

/** Text output ends with one newline, whatever the renderer gave (canonical JSON has none). */
const withFinalNewline = (text: string): string => (text.endsWith("\n") ? text : `${text}\n`)

/** Writes a rendered document to the file the user named (parent folders created), or to stdout. */
export const writeOutput = (
  text: string,
  out: string | undefined,
): Effect.Effect<void, OutputUnwritable, FileSystem.FileSystem> =>
  out === undefined ? writeStdout(withFinalNewline(text)) : writeFile(withFinalNewline(text), out)

const writeFile = (text: string, out: string) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const file = resolveUserPath(out)
    const fail = (e: { message: string }) =>
      new OutputUnwritable({ file: displayPath(file), message: e.message })
    yield* fs.makeDirectory(dirname(file), { recursive: true }).pipe(Effect.mapError(fail))
    yield* fs.writeFileString(file, text).pipe(Effect.mapError(fail))
  })

/** Writes to stdout and waits until the text is handed to the OS, so that exit never truncates it. */
export const writeStdout = (text: string): Effect.Effect<void> =>
  Effect.async<void>((resume) => {
    process.stdout.write(text, () => resume(Effect.void))
  })
