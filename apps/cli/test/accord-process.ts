import { spawn } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** The workspace root and the CLI's entry point, for tests that run the real binary. */
export const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")
export const accordBin = join(workspaceRoot, "apps", "cli", "bin", "accord.mjs")
export const examples = join(workspaceRoot, "examples")

export interface AccordResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `accord <args>` as a child process (the package's bin), in `cwd`,
 * without a terminal and without a stale INIT_CWD from the test runner.
 */
export const accord = (args: ReadonlyArray<string>, cwd: string = workspaceRoot): Promise<AccordResult> =>
  new Promise((resolve, reject) => {
    const env = { ...process.env }
    delete env.INIT_CWD
    delete env.npm_lifecycle_event
    const child = spawn(process.execPath, [accordBin, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })
