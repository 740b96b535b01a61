import type { ExerciseActorId } from "./roles.js"

/** Every move type of an exercise (the move schemas in exercise/exercise-moves.ts are checked against this). */
export const moveTypeIds = [
  "adopt-sanctions",
  "offer-aid",
  "agree-project",
  "deliver",
  "withdraw-commitment",
  "propose-project",
  "agree-offer",
  "decline-offer",
  "counter-measure",
  "grid-strike",
  "stall",
  "delay",
  "partner-joins",
] as const
export type MoveTypeId = (typeof moveTypeIds)[number]

/** Which moves each actor may make: what its real counterpart could do. */
export const movesByActor: Readonly<Record<ExerciseActorId, ReadonlyArray<MoveTypeId>>> = {
  japan: ["adopt-sanctions", "offer-aid", "agree-project", "deliver", "withdraw-commitment"],
  ukraine: ["propose-project", "agree-offer", "decline-offer"],
  russia: ["counter-measure"],
  facilitator: ["grid-strike", "stall", "delay", "partner-joins"],
}

/** Whether an actor may make a move of this type. */
export const mayMake = (actor: ExerciseActorId, type: MoveTypeId): boolean =>
  movesByActor[actor].includes(type)
