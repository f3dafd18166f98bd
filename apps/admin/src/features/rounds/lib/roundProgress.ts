import type { ProgressStage, RoundProgressQuery } from '@/generated/graphql'

export type ProgressRow = RoundProgressQuery['roundProgress'][number]

export const STAGES: readonly ProgressStage[] = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RECONCILED']

export const STAGE_TAG: Record<ProgressStage, 'default' | 'warning' | 'info' | 'success'> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'warning',
  SUBMITTED: 'info',
  RECONCILED: 'success',
}

/** How many score sheets are at each stage, and the findings still waiting on someone. */
export function progressCounts(rows: readonly ProgressRow[]) {
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<ProgressStage, number>
  let pending = 0
  let disputed = 0
  for (const row of rows) {
    stages[row.stage] += 1
    pending += row.pending
    disputed += row.disputed
  }
  return { stages, pending, disputed }
}

/** Rows per inspection team (orgs without a team last), with how many are submitted or beyond. */
export function progressByTeam(rows: readonly ProgressRow[]) {
  const teams = new Map<string, { key: string; name: string | null; rows: ProgressRow[]; done: number }>()
  for (const row of rows) {
    const key = row.teamId === null ? 'none' : String(row.teamId)
    const team = teams.get(key) ?? { key, name: row.teamName ?? null, rows: [], done: 0 }
    team.rows.push(row)
    if (row.stage === 'SUBMITTED' || row.stage === 'RECONCILED') team.done += 1
    teams.set(key, team)
  }
  return [...teams.values()].sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : 0))
}
