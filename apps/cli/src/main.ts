import { Command } from "@effect/cli"
// Subpath imports: the package index also loads the HTTP client (undici, 1 MB), which the CLI never uses.
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect } from "effect"
import packageJson from "../package.json" with { type: "json" }
import { accordCommand } from "./accord-command.js"
import { ExitCode, outcomeOf } from "./error-report.js"

// A reader that closed the pipe early (`accord run x | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(ExitCode.ok)
})

const cli = Command.run(accordCommand, { name: "accord", version: packageJson.version })

const program = cli(process.argv).pipe(
  Effect.matchCauseEffect({
    onSuccess: () => Effect.sync(() => ExitCode.ok as number),
    onFailure: (cause) =>
      Effect.sync(() => {
        const outcome = outcomeOf(cause)
        if (outcome.message !== "") process.stderr.write(outcome.message)
        return outcome.code
      }),
  }),
  Effect.tap((code) =>
    Effect.sync(() => {
      process.exitCode = code
    }),
  ),
  Effect.provide(NodeContext.layer),
)

// A failed command exits at once with its code: something it started (a half-built server) must not keep
// the process alive. Success exits naturally, once stdout has drained.
NodeRuntime.runMain(program, {
  disableErrorReporting: true,
  disablePrettyLogger: true,
  teardown: (_exit, onExit) => onExit(typeof process.exitCode === "number" ? process.exitCode : 0),
})
