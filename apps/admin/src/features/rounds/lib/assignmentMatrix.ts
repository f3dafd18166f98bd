export interface MatrixMember {
  user: { id: number; displayName: string; orgId: number | null; org?: { name: string } | null }
}

export interface MatrixTeam {
  id: number
  name: string
  members: readonly MatrixMember[]
}

export interface MatrixOrg {
  id: number
  name: string
  shortName?: string | null
}

export interface MatrixCell {
  teamId: number
  assigned: boolean
  /** Members of this team who belong to the org: the team may not inspect it (R6). */
  conflicts: MatrixMember[]
}

export interface MatrixRow {
  org: MatrixOrg
  assignedTeamId: number | null
  cells: MatrixCell[]
}

/** Members of a team whose own org is this one. */
export function conflictsOf(team: MatrixTeam, orgId: number): MatrixMember[] {
  return team.members.filter((m) => m.user.orgId === orgId)
}

/** Orgs × teams: which team inspects each org, and where a conflict of interest forbids it. */
export function buildAssignmentMatrix(
  orgs: readonly MatrixOrg[],
  teams: readonly MatrixTeam[],
  assignments: readonly { orgId: number; teamId: number }[],
): { rows: MatrixRow[]; unassigned: number; conflicts: number } {
  const assignedTo = new Map(assignments.map((a) => [a.orgId, a.teamId]))
  const rows = orgs.map((org) => {
    const assignedTeamId = assignedTo.get(org.id) ?? null
    return {
      org,
      assignedTeamId,
      cells: teams.map((team) => ({
        teamId: team.id,
        assigned: assignedTeamId === team.id,
        conflicts: conflictsOf(team, org.id),
      })),
    }
  })
  return {
    rows,
    unassigned: rows.filter((r) => r.assignedTeamId === null).length,
    // An existing assignment that became a conflict (a member added later) is worth flagging.
    conflicts: rows.filter((r) => r.cells.some((c) => c.assigned && c.conflicts.length > 0)).length,
  }
}
