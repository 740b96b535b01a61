import { builtInPacks, getPack, type Pack } from "@accord/domain"
import { Effect } from "effect"
import { NotFound } from "../http/api-error.js"

/** The built-in pack of an already validated spec (validation guarantees it exists). */
export const packById = (id: string): Pack => {
  const pack = getPack(id)
  if (pack === undefined) throw new Error(`no built-in pack '${id}'`)
  return pack
}

/** A built-in pack a client named, or a 404 that lists the known ones. */
export const findPack = (id: string): Effect.Effect<Pack, NotFound> => {
  const pack = getPack(id)
  return pack !== undefined
    ? Effect.succeed(pack)
    : Effect.fail(
        new NotFound({
          message: `no pack '${id}'; known: ${builtInPacks.map((p) => p.id).join(", ")}`,
          resource: "pack",
          id,
        }),
      )
}
