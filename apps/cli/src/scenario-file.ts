import { decodeScenarioSpec, packCatalog, type ScenarioSpec } from "@accord/domain"
import { FileSystem } from "@effect/platform"
import { Effect, Either } from "effect"
import { type Document, LineCounter, parseDocument } from "yaml"
import { FileUnreadable, type LocatedIssue, ScenarioFileInvalid } from "./cli-errors.js"
import { positionOfPath, type SourcePosition } from "./source-positions.js"
import { displayPath, resolveUserPath } from "./user-path.js"

/** Scenario files larger than this are refused, like request bodies in the API. */
export const MAX_SCENARIO_BYTES = 1024 * 1024

/** A scenario file as read: its text, the parsed value, and a way back from paths to positions. */
export interface ScenarioSource {
  readonly file: string
  readonly display: string
  readonly format: "json" | "yaml"
  readonly value: unknown
  readonly locate: (path: string, pointAtKey: boolean) => SourcePosition | undefined
}

/** Fields a command-line flag may set over the file's own (`--runs`, `--seed`, `--horizon`). */
export interface SpecOverrides {
  readonly runs?: number | undefined
  readonly seed?: number | undefined
  readonly horizonMonths?: number | undefined
}

/** Reads and parses a YAML or JSON scenario file; syntax errors come back with line and column. */
export const readScenarioSource = (
  path: string,
): Effect.Effect<ScenarioSource, FileUnreadable | ScenarioFileInvalid, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const file = resolveUserPath(path)
    const display = displayPath(file)
    const unreadable = (message: string) => new FileUnreadable({ file: display, message })
    const info = yield* fs
      .stat(file)
      .pipe(Effect.mapError((e) => unreadable(e._tag === "SystemError" ? systemReason(e.reason) : e.message)))
    if (info.type !== "File") return yield* unreadable("not a file")
    if (Number(info.size) > MAX_SCENARIO_BYTES) {
      return yield* unreadable(`larger than ${MAX_SCENARIO_BYTES / 1024} KiB; a scenario file is a few lines`)
    }
    const text = yield* fs.readFileString(file, "utf8").pipe(Effect.mapError((e) => unreadable(e.message)))
    return yield* Either.match(parseScenarioText(text, formatOf(file, text)), {
      onLeft: (issues) =>
        Effect.fail(
          new ScenarioFileInvalid({ file: display, message: `${display} cannot be parsed`, issues }),
        ),
      onRight: ({ value, document, lineCounter, format }) =>
        Effect.succeed<ScenarioSource>({
          file,
          display,
          format,
          value,
          locate: (issuePath, pointAtKey) =>
            document === undefined ? undefined : positionOfPath(document, lineCounter, issuePath, pointAtKey),
        }),
    })
  })

/** Decodes a parsed file into a normalized spec, every problem with its path and position. */
export const decodeScenarioSource = (
  source: ScenarioSource,
  overrides: SpecOverrides = {},
): Either.Either<ScenarioSpec, ScenarioFileInvalid> => {
  const input = withOverrides(source.value, overrides)
  return Either.mapLeft(decodeScenarioSpec(input, packCatalog), (invalid) => {
    const issues = withoutOptionalNoise(invalid.issues).map((issue) => locateIssue(source, issue, overrides))
    return new ScenarioFileInvalid({
      file: source.display,
      message: `${source.display} is not a valid scenario (${issues.length} problem${issues.length === 1 ? "" : "s"})`,
      issues,
    })
  })
}

/** Reads, parses and decodes a scenario file. */
export const loadScenario = (path: string, overrides: SpecOverrides = {}) =>
  Effect.flatMap(readScenarioSource(path), (source) =>
    Effect.map(decodeScenarioSource(source, overrides), (spec) => ({ source, spec })),
  )

/**
 * Fields with defaults also fail their "or absent" branch, which says
 * "Expected undefined, actual …"; that line only repeats a real problem
 * reported at the same path or below it, so it is dropped when one is.
 */
const withoutOptionalNoise = <I extends { readonly path: string; readonly message: string }>(
  issues: ReadonlyArray<I>,
): ReadonlyArray<I> =>
  issues.filter(
    (issue) =>
      !issue.message.startsWith("Expected undefined, actual") ||
      !issues.some(
        (other) =>
          other !== issue &&
          !other.message.startsWith("Expected undefined, actual") &&
          (other.path === issue.path || other.path.startsWith(`${issue.path}.`)),
      ),
  )

const OVERRIDE_FLAGS: Record<string, string> = { runs: "--runs", seed: "--seed", horizonMonths: "--horizon" }

const locateIssue = (
  source: ScenarioSource,
  issue: { readonly path: string; readonly message: string },
  overrides: SpecOverrides,
): LocatedIssue => {
  const flag = OVERRIDE_FLAGS[issue.path]
  if (flag !== undefined && overrides[issue.path as keyof SpecOverrides] !== undefined) {
    return { path: issue.path, message: `${issue.message} (from ${flag})` }
  }
  const position = source.locate(issue.path, issue.message.startsWith("unknown field"))
  return position === undefined
    ? { path: issue.path, message: issue.message }
    : { path: issue.path, message: issue.message, line: position.line, column: position.column }
}

const withOverrides = (value: unknown, overrides: SpecOverrides): unknown => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value
  const set = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined))
  return { ...value, ...set }
}

const formatOf = (file: string, text: string): "json" | "yaml" =>
  /\.json$/i.test(file)
    ? "json"
    : /\.ya?ml$/i.test(file)
      ? "yaml"
      : text.trimStart().startsWith("{")
        ? "json"
        : "yaml"

interface Parsed {
  readonly value: unknown
  readonly document: Document | undefined
  readonly lineCounter: LineCounter
  readonly format: "json" | "yaml"
}

/** Parses scenario text; JSON strictly with JSON.parse, and through the YAML parser for positions. */
export const parseScenarioText = (
  text: string,
  format: "json" | "yaml",
): Either.Either<Parsed, ReadonlyArray<LocatedIssue>> => {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (format === "json") {
    try {
      const value: unknown = JSON.parse(text)
      return Either.right({
        value,
        document: document.errors.length === 0 ? document : undefined,
        lineCounter,
        format,
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const offset = /position (\d+)/.exec(message)?.[1]
      const at = offset === undefined ? undefined : lineCounter.linePos(Number(offset))
      return Either.left([
        {
          path: "",
          message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, "")}`,
          ...(at === undefined ? {} : { line: at.line, column: at.col }),
        },
      ])
    }
  }
  if (document.errors.length > 0) {
    return Either.left(
      document.errors.map((error) => {
        const at = lineCounter.linePos(error.pos[0])
        return {
          path: "",
          message: `invalid YAML: ${firstLine(error.message)}`,
          line: at.line,
          column: at.col,
        }
      }),
    )
  }
  try {
    return Either.right({ value: document.toJS({ maxAliasCount: 100 }), document, lineCounter, format })
  } catch (error) {
    return Either.left([
      { path: "", message: `invalid YAML: ${error instanceof Error ? error.message : error}` },
    ])
  }
}

const firstLine = (message: string): string => message.split("\n")[0] ?? message

const systemReason = (reason: string): string =>
  reason === "NotFound"
    ? "no such file"
    : reason === "PermissionDenied"
      ? "permission denied"
      : reason === "BadResource"
        ? "not a readable file"
        : reason
