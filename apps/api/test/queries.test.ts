import { describe, expect, it } from 'vitest'
import { createSession } from '../src/auth/session'
import { defaultConfig } from '../src/config'
import { inspectorRoundWhere, orgScopedWhere, orgScopeWhere } from '../src/access'
import { FIXTURE_YEAR } from './fixture'
import { ok, useTestApi } from './helpers'

/**
 * A request costs a fixed number of SQL statements however many rows it returns (the Prisma
 * plugin folds relations into the parent query), and org scope lives in the SQL `where`.
 */

const api = useTestApi({ seed: 'fixture' })

async function cookie(username: 'admin' | 'branch1' | 'inspector1'): Promise<string> {
  const config = defaultConfig()
  const { token } = await createSession(api.prisma, config, api.fixture.userIds[username], {
    ip: 'x',
    userAgent: null,
  })
  return `${config.cookieName}=${token}`
}

async function addOrgs(n: number) {
  for (let i = 0; i < n; i++) {
    const org = await api.prisma.organization.create({
      data: {
        code: `X${i}`,
        name: `支部${i}`,
        unitType: 'GRASSROOTS',
        parentId: api.fixture.orgIds.committee,
      },
    })
    await api.prisma.orgCategoryAssignment.create({
      data: { orgId: org.id, year: FIXTURE_YEAR, category: 'II' },
    })
  }
}

/** Statements for one request, excluding the session lookup and touch of the context. */
async function statementsFor(query: string, session: string) {
  const { result, statements } = await api.db.recordQueries(() => api.gql(query, {}, session))
  ok(result)
  return statements.filter((sql) => !/"Session"/.test(sql))
}

describe('SQL statements per request', () => {
  it('the org tree with parents, children and categories does not grow with the number of orgs', async () => {
    const session = await cookie('admin')
    const query = `{ orgs { id name parent { name } children { name } category(year: ${FIXTURE_YEAR}) } }`
    const few = await statementsFor(query, session)
    await addOrgs(20)
    const many = await statementsFor(query, session)
    expect(many.length).toBe(few.length)
    // orgs, parents, children, category assignments + the session's user: one each.
    expect(few.length).toBeLessThanOrEqual(5)
  })

  it('schemes with dimensions, indicators and engine problems cost the same for one scheme or three', async () => {
    const admin = await api.login('admin')
    const query = `{ schemes(year: ${FIXTURE_YEAR}) { id area { name } dimensions { code indicators { code sharedIndicator { name } } } indicators { code dimension { code } } problems { code } } }`
    const counts: number[] = []
    for (const category of ['I', 'II', 'III']) {
      await addScheme(admin, category)
      counts.push((await statementsFor(query, await cookie('admin'))).length)
    }
    expect(new Set(counts).size).toBe(1)
    // schemes, areas, dimensions, their indicators, shared indicators, indicators, their
    // dimensions, and the problems' selection + the session's user.
    expect(counts[0]).toBeLessThanOrEqual(9)
  })
})

async function addScheme(admin: string, category: string) {
  {
    const created = ok(
      await api.gql(
        `mutation ($a: Int!) { createScheme(input: { year: ${FIXTURE_YEAR}, areaId: $a, category: ${category}, name: "方案" }) { __typename ... on Scheme { id } } }`,
        { a: api.fixture.areaIds.party },
        admin,
      ),
    ).createScheme as { id: number }
    const dims = Array.from({ length: 8 }, (_, i) => ({
      code: `D${i}`,
      name: `维度${i}`,
      maxPoints: '12.5',
    }))
    const indicators = dims.flatMap((d) =>
      Array.from({ length: 5 }, (_, j) => ({
        code: `${d.code}-${j}`,
        name: '指标',
        dimensionCode: d.code,
        method: 'DEDUCTION',
        maxPoints: '2.5',
      })),
    )
    ok(
      await api.gql(
        `mutation ($id: Int!, $input: SchemeDraftInput!) { updateSchemeDraft(id: $id, version: 1, input: $input) { __typename } }`,
        { id: created.id, input: { name: '方案', bonusCap: '5', dimensions: dims, indicators } },
        admin,
      ),
    )
  }
}

describe('org scope helpers', () => {
  it('BRANCH sees only its own org, INSPECTOR only orgs assigned to its teams, ADMIN everything', async () => {
    const round = await api.prisma.inspectionRound.create({
      data: { year: FIXTURE_YEAR, quarter: 1, name: '一季度' },
    })
    const team = await api.prisma.inspectionTeam.create({
      data: { roundId: round.id, name: '第一组' },
    })
    await api.prisma.teamMember.create({
      data: { teamId: team.id, userId: api.fixture.userIds.inspector1 },
    })
    await api.prisma.teamAssignment.create({
      data: { roundId: round.id, teamId: team.id, orgId: api.fixture.orgIds.g2 },
    })

    const as = async (username: 'admin' | 'branch1' | 'inspector1') => {
      const user = await api.prisma.user.findUniqueOrThrow({ where: { username } })
      return { user: { ...user, sessionId: 'x' } }
    }
    const codes = async (ctx: Awaited<ReturnType<typeof as>>) =>
      (
        await api.prisma.organization.findMany({
          where: orgScopeWhere(ctx),
          orderBy: { code: 'asc' },
        })
      ).map((o) => o.code)

    expect(await codes(await as('branch1'))).toEqual(['G1'])
    expect(await codes(await as('inspector1'))).toEqual(['G2'])
    expect(await codes(await as('admin'))).toEqual(['C0', 'G1', 'G2', 'H1', 'H2'])

    expect(orgScopedWhere(await as('branch1'))).toEqual({ orgId: api.fixture.orgIds.g1 })
    const inspector = await as('inspector1')
    const inRound = await api.prisma.organization.findMany({
      where: inspectorRoundWhere(inspector.user, round.id),
    })
    expect(inRound.map((o) => o.code)).toEqual(['G2'])
    const otherRound = await api.prisma.organization.findMany({
      where: inspectorRoundWhere(inspector.user, round.id + 1),
    })
    expect(otherRound).toEqual([])
  })
})
