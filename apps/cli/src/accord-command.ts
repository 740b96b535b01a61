import { Command } from "@effect/cli"
import { Effect } from "effect"
import { UsageError } from "./cli-errors.js"
import { backtestCommand } from "./commands/backtest-command.js"
import { compareCommand } from "./commands/compare-command.js"
import { observationsCommand } from "./commands/observation-commands.js"
import { packCommand, packsCommand } from "./commands/pack-commands.js"
import { runCommand } from "./commands/run-command.js"
import { schemaCommand } from "./commands/schema-command.js"
import { serveCommand } from "./commands/serve-command.js"
import { validateCommand } from "./commands/validate-command.js"

const SUBCOMMANDS = "run, compare, validate, packs, pack, observations, backtest, schema, serve"

/** The `accord` command and its subcommands. */
export const accordCommand = Command.make("accord", {}, () =>
  Effect.fail(new UsageError({ message: `expected a subcommand (${SUBCOMMANDS}); see 'accord --help'` })),
).pipe(
  Command.withDescription(
    "Accord: run, compare and validate what-if scenarios of international commitments. A teaching model, not a forecast.",
  ),
  Command.withSubcommands([
    runCommand,
    compareCommand,
    validateCommand,
    packsCommand,
    packCommand,
    observationsCommand,
    backtestCommand,
    schemaCommand,
    serveCommand,
  ]),
)
