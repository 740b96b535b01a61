import { SchemaAST as AST, Option, ParseResult } from "effect"
import { didYouMean, expectedOneOf, notOneOf, shown } from "./near-miss.js"

/** One problem, where it is and what a person should change. */
export interface IssueMessage {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** Annotation naming what a number counts ("Monte Carlo runs"), so a range error can say it in words. */
export const UnitAnnotationId: unique symbol = Symbol.for("@accord/domain/Unit")

/**
 * Walks Effect's ParseResult issue tree and writes one message per path and mistake:
 * a union of literals is "expected one of …; got …" (with "did you mean …?"), a number
 * out of range says its range and unit, an unknown field names the fields allowed.
 * Anything with its own `message` annotation keeps it (Effect's ArrayFormatter words it).
 */
export const issueMessages = (issue: ParseResult.ParseIssue): ReadonlyArray<IssueMessage> =>
  walk(issue, [], undefined)

const walk = (
  issue: ParseResult.ParseIssue,
  path: ReadonlyArray<PropertyKey>,
  parent: AST.AST | undefined,
): ReadonlyArray<IssueMessage> => {
  if ("ast" in issue && Option.isSome(AST.getMessageAnnotation(issue.ast))) return effectWords(issue, path)
  switch (issue._tag) {
    case "Pointer":
      return walk(issue.issue, [...path, ...(Array.isArray(issue.path) ? issue.path : [issue.path])], parent)
    case "Transformation":
      return walk(issue.issue, path, parent)
    case "Composite":
      return AST.isUnion(issue.ast) ? unionMessages(issue, path) : compositeMessages(issue, path)
    case "Refinement":
      return refinementMessages(issue, path, parent)
    case "Type":
      return [{ path, message: expectedGot(issue.ast, issue.actual) }]
    case "Missing":
      return [{ path, message: `missing: expected ${describe(propertyType(issue.ast))}` }]
    case "Unexpected":
      return [{ path, message: unexpectedField(path, parent) }]
    case "Forbidden":
      return effectWords(issue, path)
  }
}

const effectWords = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>) =>
  ParseResult.ArrayFormatter.formatIssueSync(issue).map((i) => ({
    path: [...path, ...i.path],
    message: i.message,
  }))

const compositeMessages = (issue: ParseResult.Composite, path: ReadonlyArray<PropertyKey>) => {
  const inner = Array.isArray(issue.issues) ? issue.issues : [issue.issues as ParseResult.ParseIssue]
  return inner.flatMap((i) =>
    // The whole value has the wrong kind (a string where a list belongs): say what was expected.
    i._tag === "Type" && i.ast === issue.ast
      ? [{ path, message: expectedGot(issue.ast, issue.actual) }]
      : walk(i, path, issue.ast),
  )
}

/**
 * A union: one message, not one per member. An optional field's `undefined` member is dropped;
 * members the value's kind already rules out are dropped when another member got further.
 */
const unionMessages = (issue: ParseResult.Composite, path: ReadonlyArray<PropertyKey>) => {
  const union = issue.ast as AST.Union
  const members = union.types.filter((t) => !AST.isUndefinedKeyword(t))
  const literals = literalsOf(members)
  if (literals !== undefined) return [{ path, message: notOneOf(issue.actual, literals) }]
  const inner = (
    Array.isArray(issue.issues) ? issue.issues : [issue.issues as ParseResult.ParseIssue]
  ).filter((i) => !(i._tag === "Type" && AST.isUndefinedKeyword(i.ast)))
  const deeper = inner.filter((i) => !isWrongKind(i))
  if (deeper.length > 0) return deeper.flatMap((i) => walk(i, path, undefined))
  return [{ path, message: `expected ${members.map(describe).join(" or ")}; got ${shown(issue.actual)}` }]
}

/** The value is not even of the member's kind (a number where an object belongs). */
const isWrongKind = (issue: ParseResult.ParseIssue): boolean =>
  issue._tag === "Type" ||
  ((issue._tag === "Refinement" || issue._tag === "Transformation") &&
    issue.kind !== "Predicate" &&
    issue.kind !== "Transformation" &&
    isWrongKind(issue.issue))

const refinementMessages = (
  issue: ParseResult.Refinement,
  path: ReadonlyArray<PropertyKey>,
  parent: AST.AST | undefined,
): ReadonlyArray<IssueMessage> => {
  const range = numberRange(issue.ast)
  if (range !== undefined)
    return [{ path, message: `${rangeWords(range, issue.actual)}; got ${shown(issue.actual)}` }]
  if (issue.kind === "From") return walk(issue.issue, path, parent)
  return effectWords(issue, path)
}

const literalsOf = (members: ReadonlyArray<AST.AST>): ReadonlyArray<string> | undefined => {
  const flat = members.flatMap((m) => (AST.isUnion(m) ? m.types : [m]))
  return flat.every(AST.isLiteral) ? flat.map((m) => String((m as AST.Literal).literal)) : undefined
}

const expectedGot = (ast: AST.AST, actual: unknown): string => {
  const literals = literalsOf(AST.isUnion(ast) ? ast.types : [ast])
  if (literals !== undefined) return notOneOf(actual, literals)
  return `expected ${describe(ast)}; got ${shown(actual)}`
}

const unexpectedField = (path: ReadonlyArray<PropertyKey>, parent: AST.AST | undefined): string => {
  const key = String(path[path.length - 1] ?? "")
  const fields =
    parent !== undefined && AST.isTypeLiteral(parent)
      ? parent.propertySignatures.map((p) => String(p.name))
      : []
  return fields.length === 0
    ? `unknown field "${key}"`
    : `unknown field "${key}"; ${expectedOneOf(fields)}${didYouMean(key, fields)}`
}

/** A missing key's issue carries its property signature; what it wants is the signature's type. */
const propertyType = (ast: AST.Type): AST.AST =>
  ast instanceof AST.PropertySignature ? ast.type : (ast as unknown as AST.AST)

/** What a schema accepts, in words. */
const describe = (ast: AST.AST): string => {
  const literals = literalsOf([ast])
  if (literals !== undefined)
    return literals.length === 1 ? `"${literals[0]}"` : `one of ${literals.join(", ")}`
  const range = numberRange(ast)
  if (range !== undefined) return rangeWords(range, undefined)
  switch (ast._tag) {
    case "StringKeyword":
      return "text"
    case "NumberKeyword":
      return "a number"
    case "BooleanKeyword":
      return "true or false"
    case "TypeLiteral":
      return ast.propertySignatures.length === 0 ? "an object" : `an object with ${fieldList(ast)}`
    case "TupleType":
      return "a list"
    case "Union":
      return ast.types
        .filter((t) => !AST.isUndefinedKeyword(t))
        .map(describe)
        .join(" or ")
    case "Refinement":
      return describe(ast.from)
    case "Transformation":
      return describe(ast.from)
    case "Suspend":
      return describe(ast.f())
    default:
      return String(ast)
  }
}

const fieldList = (ast: AST.TypeLiteral): string => {
  const required = ast.propertySignatures.filter((p) => !p.isOptional).map((p) => String(p.name))
  return required.length === 0 ? "optional fields" : required.join(", ")
}

interface NumberRange {
  readonly integer: boolean
  readonly min?: number
  readonly max?: number
  readonly above?: number
  readonly below?: number
  readonly unit?: string
}

/** The bounds a chain of number refinements (int, between, greaterThan, …) sets, read from their JSON Schema. */
const numberRange = (ast: AST.AST): NumberRange | undefined => {
  let range: { -readonly [K in keyof NumberRange]: NumberRange[K] } = { integer: false }
  let bounded = false
  let node: AST.AST = ast
  while (AST.isRefinement(node) || AST.isTransformation(node)) {
    if (AST.isTransformation(node)) {
      node = node.from
      continue
    }
    const unit = node.annotations[UnitAnnotationId]
    if (typeof unit === "string" && range.unit === undefined) range.unit = unit
    const json = Option.getOrUndefined(AST.getJSONSchemaAnnotation(node)) as
      | Record<string, unknown>
      | undefined
    if (json?.type === "integer") range.integer = true
    for (const [key, field] of [
      ["minimum", "min"],
      ["maximum", "max"],
      ["exclusiveMinimum", "above"],
      ["exclusiveMaximum", "below"],
    ] as const) {
      const value = json?.[key]
      if (typeof value === "number" && range[field] === undefined) {
        range = { ...range, [field]: value }
        bounded = true
      }
    }
    node = node.from
  }
  return AST.isNumberKeyword(node) && (bounded || range.integer) ? range : undefined
}

const number = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 10 })

/** One end of a range: the closed bound if there is one, else the open one. */
const boundOf = (closed: number | undefined, open: number | undefined) =>
  closed !== undefined
    ? { text: number(closed), open: false }
    : open !== undefined
      ? { text: number(open), open: true }
      : undefined

/** "between 1 and 100,000 Monte Carlo runs", "a whole number of months, at least 1". */
const rangeWords = (range: NumberRange, actual: unknown): string => {
  const lower = boundOf(range.min, range.above)
  const upper = boundOf(range.max, range.below)
  const bounds =
    lower !== undefined && upper !== undefined
      ? !lower.open && !upper.open
        ? `between ${lower.text} and ${upper.text}`
        : `${lower.open ? "more than" : "at least"} ${lower.text} and ${upper.open ? "less than" : "at most"} ${upper.text}`
      : lower !== undefined
        ? `${lower.open ? "more than" : "at least"} ${lower.text}`
        : upper !== undefined
          ? `${upper.open ? "less than" : "at most"} ${upper.text}`
          : ""
  const notWhole = range.integer && !(typeof actual === "number" && Number.isInteger(actual))
  const kind = notWhole ? "a whole number" : typeof actual === "number" ? "" : "a number"
  return [kind, bounds, range.unit].filter((part) => part !== undefined && part !== "").join(" ")
}
