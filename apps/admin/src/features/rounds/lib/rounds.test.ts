import { describe, expect, it } from 'vitest'
import { buildAssignmentMatrix, conflictsOf } from './assignmentMatrix'
import { nextStatus, stepState } from './roundFlow'

const teams = [
  {
    id: 1,
    name: '第一检查组',
    members: [
      { user: { id: 10, displayName: '王检查', orgId: 100, org: { name: '变电运维党支部' } } },
      { user: { id: 11, displayName: '李检查', orgId: null } },
    ],
  },
  { id: 2, name: '第二检查组', members: [{ user: { id: 12, displayName: '赵检查', orgId: 101 } }] },
]
const orgs = [
  { id: 100, name: '变电运维党支部' },
  { id: 101, name: '输电党支部' },
  { id: 102, name: '营销党支部' },
]

describe('assignment matrix', () => {
  it('marks the cells where a member would inspect their own org', () => {
    expect(conflictsOf(teams[0]!, 100).map((m) => m.user.displayName)).toEqual(['王检查'])
    const { rows } = buildAssignmentMatrix(orgs, teams, [])
    expect(rows[0]!.cells.map((c) => c.conflicts.length)).toEqual([1, 0])
    expect(rows[1]!.cells.map((c) => c.conflicts.length)).toEqual([0, 1])
    expect(rows[2]!.cells.every((c) => c.conflicts.length === 0)).toBe(true)
  })

  it('shows one team per org and counts the orgs still without one', () => {
    const matrix = buildAssignmentMatrix(orgs, teams, [
      { orgId: 100, teamId: 2 },
      { orgId: 101, teamId: 1 },
    ])
    expect(matrix.rows.map((r) => r.assignedTeamId)).toEqual([2, 1, null])
    expect(matrix.rows[0]!.cells.map((c) => c.assigned)).toEqual([false, true])
    expect(matrix.unassigned).toBe(1)
    expect(matrix.conflicts).toBe(0)
  })

  it('flags an existing assignment that has become a conflict', () => {
    expect(buildAssignmentMatrix(orgs, teams, [{ orgId: 100, teamId: 1 }]).conflicts).toBe(1)
  })
})

describe('round flow', () => {
  it('moves one step at a time and stops at CLOSED', () => {
    expect(nextStatus('PLANNING')).toBe('INSPECTING')
    expect(nextStatus('RECONCILING')).toBe('PUBLISHED')
    expect(nextStatus('CLOSED')).toBeNull()
    expect(stepState('RECONCILING', 'INSPECTING')).toBe('finish')
    expect(stepState('RECONCILING', 'RECONCILING')).toBe('process')
    expect(stepState('RECONCILING', 'CLOSED')).toBe('wait')
  })
})
