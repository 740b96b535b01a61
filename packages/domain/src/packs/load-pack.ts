import { Either, Schema } from "effect"
import { Pack } from "../pack.js"
import { strictParseOptions } from "../scenario-spec.js"
import { issuesFromParseError } from "../validation-issue.js"
import { crossCheckPack } from "./cross-check-pack.js"
import { PackInvalid } from "./pack-invalid.js"

/** Decodes pack data and cross-checks it; a bad pack is a PackInvalid with every problem. */
export const decodePack = (input: unknown): Either.Either<Pack, PackInvalid> => {
  const name =
    typeof input === "object" && input !== null && "id" in input ? String(input.id) : "(unknown pack)"
  const decoded = Schema.decodeUnknownEither(Pack)(input, strictParseOptions)
  if (Either.isLeft(decoded)) {
    const issues = issuesFromParseError(decoded.left)
    return Either.left(new PackInvalid({ pack: name, message: `pack '${name}' is invalid`, issues }))
  }
  const issues = crossCheckPack(decoded.right)
  return issues.length > 0
    ? Either.left(new PackInvalid({ pack: name, message: `pack '${name}' is invalid`, issues }))
    : Either.right(decoded.right)
}

/** Decodes a built-in pack at module load; its data ships with the code, so a bad pack is a bug. */
export const loadBuiltInPack = (input: unknown): Pack =>
  Either.getOrThrowWith(decodePack(input), (error) => {
    const details = error.issues.map((i) => `${i.path}: ${i.message}`).join("; ")
    return new Error(`${error.message}: ${details}`)
  })
