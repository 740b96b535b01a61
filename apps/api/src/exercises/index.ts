export { exercisesOperations } from "./exercise-operations.js"
export { type ExerciseRouteOptions, exercisesRoutes } from "./exercise-routes.js"
export { defaultJoinLimits, type JoinLimits } from "./join-rate-limit.js"
