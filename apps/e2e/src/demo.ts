/** Facts of the demo seed (packages/db/src/seed) the journeys rely on. */
export const DEMO_PASSWORD = 'RedBlue@2026'

/** The round the seed leaves in progress (INSPECTING) and the latest published one. */
export const CURRENT_ROUND = { year: 2026, quarter: 4 }
export const LATEST_PUBLISHED = { year: 2025, quarter: 4 }
