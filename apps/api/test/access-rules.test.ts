import { Prisma, type Role } from '@redblue/db'
import { describe, expect, it } from 'vitest'
import {
  mayInspect,
  mayRead,
  orgScopeWhere,
  REACH,
  seesAll,
  visibleSql,
  type Actor,
} from '../src/access'
import { FIXTURE_YEAR } from './fixture'
import { useTestApi } from './helpers'

/**
 * R12 (docs/domain.md) as a table: who may read and who may inspect which org's data. The same
 * rules then checked through the fragments derived from them (SQL and Prisma), so a fragment that
 * drifted from the rule fails here rather than in one screen.
 */

const ORG = { own: 1, assigned: 2, other: 3 } as const
const ROUND = { assigned: 10, other: 11 } as const
/** The inspector's team covers org 2 in round 10 only. */
const ASSIGNED = [{ roundId: ROUND.assigned, orgId: ORG.assigned }]

const actor = (role: Role): Actor => ({ userId: 7, role, orgId: ORG.own })

type Target = keyof typeof ORG
type When = 'assigned round' | 'other round' | 'history' | 'INSPECTING round'

function target(org: Target, when: When) {
  const round =
    when === 'history'
      ? null
      : when === 'assigned round'
        ? { id: ROUND.assigned, status: 'PUBLISHED' }
        : when === 'other round'
          ? { id: ROUND.other, status: 'PUBLISHED' }
          : { id: ROUND.assigned, status: 'INSPECTING' }
  return { orgId: ORG[org], round }
}

// role, org, when, may read
const READS: [Role, Target, When, boolean][] = [
  ['ADMIN', 'other', 'other round', true],
  ['ADMIN', 'other', 'INSPECTING round', true],
  ['LEADER', 'other', 'other round', true],
  ['LEADER', 'assigned', 'history', true],
  // An inspector: the round data of an org only in the round it was assigned in ...
  ['INSPECTOR', 'assigned', 'assigned round', true],
  ['INSPECTOR', 'assigned', 'INSPECTING round', true],
  ['INSPECTOR', 'assigned', 'other round', false],
  // ... its history (rectifications, interviews) whichever round it was assigned in ...
  ['INSPECTOR', 'assigned', 'history', true],
  // ... and nothing of an org never assigned, their own org included.
  ['INSPECTOR', 'other', 'assigned round', false],
  ['INSPECTOR', 'other', 'history', false],
  ['INSPECTOR', 'own', 'history', false],
  // A branch: its own org only, its round data once findings are shown (from RECONCILING on).
  ['BRANCH', 'own', 'assigned round', true],
  ['BRANCH', 'own', 'other round', true],
  ['BRANCH', 'own', 'history', true],
  ['BRANCH', 'own', 'INSPECTING round', false],
  ['BRANCH', 'assigned', 'assigned round', false],
  ['BRANCH', 'other', 'history', false],
]

// role, org, round, may inspect (score, record findings, verify rectifications)
const INSPECTS: [Role, Target, keyof typeof ROUND, boolean][] = [
  ['ADMIN', 'other', 'other', true],
  ['LEADER', 'assigned', 'assigned', false],
  ['INSPECTOR', 'assigned', 'assigned', true],
  ['INSPECTOR', 'assigned', 'other', false],
  ['INSPECTOR', 'other', 'assigned', false],
  ['BRANCH', 'own', 'assigned', false],
]

describe('R12, the rules themselves', () => {
  it.each(READS)('%s reads %s org, %s: %s', (role, org, when, expected) => {
    expect(mayRead(actor(role), target(org, when), ASSIGNED)).toBe(expected)
  })

  it.each(INSPECTS)('%s inspects %s org in %s round: %s', (role, org, round, expected) => {
    expect(mayInspect(actor(role), { orgId: ORG[org], roundId: ROUND[round] }, ASSIGNED)).toBe(
      expected,
    )
  })

  it('only ADMIN administers; ADMIN and LEADER see every org', () => {
    const roles: Role[] = ['ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH']
    expect(roles.filter((r) => REACH[r].admin)).toEqual(['ADMIN'])
    expect(roles.filter((r) => seesAll({ role: r }))).toEqual(['ADMIN', 'LEADER'])
  })
})

describe('R12, through the fragments derived from it', () => {
  const api = useTestApi({ seed: 'fixture', reset: 'file' })

  it('the SQL fragment and the Organization where agree with the rule for every role', async () => {
    const { orgIds, userIds } = api.fixture
    const [r1, r2] = await Promise.all(
      [1, 2].map((quarter) =>
        api.prisma.inspectionRound.create({
          data: { year: FIXTURE_YEAR, quarter, name: `${quarter}季度`, status: 'PUBLISHED' },
        }),
      ),
    )
    const team = await api.prisma.inspectionTeam.create({
      data: { roundId: r1!.id, name: '第一组' },
    })
    await api.prisma.teamMember.create({ data: { teamId: team.id, userId: userIds.inspector1 } })
    await api.prisma.teamAssignment.create({
      data: { roundId: r1!.id, teamId: team.id, orgId: orgIds.g2 },
    })
    const assigned = [{ roundId: r1!.id, orgId: orgIds.g2 }]
    const orgs = [orgIds.g1, orgIds.g2, orgIds.h1, orgIds.h2]
    const rounds = [r1!, r2!]
    const users = await api.prisma.user.findMany({
      where: { username: { in: ['admin', 'leader', 'inspector1', 'branch1'] } },
    })
    expect(users).toHaveLength(4)

    for (const user of users) {
      const who: Actor = { userId: user.id, role: user.role, orgId: user.orgId }
      const grid = orgs.flatMap((orgId) => rounds.map((r) => ({ orgId, round: r })))
      const expected = grid
        .filter((cell) => mayRead(who, { orgId: cell.orgId, round: cell.round }, assigned))
        .map((cell) => `${cell.orgId}/${cell.round.id}`)
        .sort()
      const cells = Prisma.join(grid.map((c) => Prisma.sql`(${c.orgId}::int, ${c.round.id}::int)`))
      const rows = await api.prisma.$queryRaw<{ o: number; r: number }[]>`
        SELECT v.o, v.r FROM (VALUES ${cells}) AS v(o, r)
        WHERE ${visibleSql(who, 'v.o', 'v.r')}`
      expect(rows.map((row) => `${row.o}/${row.r}`).sort(), user.username).toEqual(expected)

      const history = orgs.filter((orgId) => mayRead(who, { orgId, round: null }, assigned)).sort()
      const scoped = await api.prisma.organization.findMany({
        where: { id: { in: orgs }, ...orgScopeWhere({ user: { ...user, sessionId: 'x' } }) },
        select: { id: true },
      })
      expect(scoped.map((o) => o.id).sort(), user.username).toEqual(history)
    }
  })
})
