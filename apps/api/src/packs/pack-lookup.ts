import { getPack, type Pack } from "@accord/domain"

/** The built-in pack of an already validated spec (validation guarantees it exists). */
export const packById = (id: string): Pack => {
  const pack = getPack(id)
  if (pack === undefined) throw new Error(`no built-in pack '${id}'`)
  return pack
}
