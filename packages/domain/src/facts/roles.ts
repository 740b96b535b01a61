/** The countries teams play. */
export const teamRoleIds = ["japan", "ukraine", "russia"] as const
export type TeamRoleId = (typeof teamRoleIds)[number]

/** Who acts in an exercise: a team's country, or the facilitator as umpire. */
export const exerciseActorIds = [...teamRoleIds, "facilitator"] as const
export type ExerciseActorId = (typeof exerciseActorIds)[number]

/** A role's display name. */
export const roleNames: Readonly<Record<ExerciseActorId, string>> = {
  japan: "Japan",
  ukraine: "Ukraine",
  russia: "Russia",
  facilitator: "Facilitator",
}

/** A role's display name, or the id itself for a role this build does not know. */
export const roleName = (role: string): string => roleNames[role as ExerciseActorId] ?? role
