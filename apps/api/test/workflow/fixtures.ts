/**
 * Small hand-built fixtures for the workflow tests (not the demo seed, so rule checks stay fast
 * and every number is visible here).
 *
 * One area (基层党建), one published scheme per category, identical in shape:
 *   D1 组织建设 60 = i1 DEDUCTION 60      (findings deduct)
 *   D2 党员教育 40 = i2 RATING 40         (好 100%, 较好 80%, 一般 60%, 差 0%)
 *   bonus i3 党建+ BONUS cap 5, scheme bonus cap 5
 * Orgs: category I A1..A4, category II B1..B2, category III C1..C3; each has one BRANCH user.
 * Inspectors: insp1 (home org A1), insp2 (no home org).
 */
import type { OrgCategory, PrismaClient } from '@redblue/db'
import type { Actor } from '../../src/access'

export const YEAR = 2026

export const ORGS = [
  { code: 'A1', category: 'I' },
  { code: 'A2', category: 'I' },
  { code: 'A3', category: 'I' },
  { code: 'A4', category: 'I' },
  { code: 'B1', category: 'II' },
  { code: 'B2', category: 'II' },
  { code: 'C1', category: 'III' },
  { code: 'C2', category: 'III' },
  { code: 'C3', category: 'III' },
] as const satisfies readonly { code: string; category: OrgCategory }[]

export type OrgCode = (typeof ORGS)[number]['code']

export interface Fixture {
  areaId: number
  orgs: Record<OrgCode, number>
  schemes: Record<OrgCategory, { id: number; i1: number; i2: number; i3: number }>
  problemCategories: number[]
  admin: Actor
  leader: Actor
  insp1: Actor
  insp2: Actor
  branch: Record<OrgCode, Actor>
  /** Usernames, for GraphQL tests that log in (password FIXTURE_PASSWORD when hashed). */
  usernames: Record<string, number>
}

export const FIXTURE_PASSWORD = 'Fixture@2026'

export async function buildFixture(
  prisma: PrismaClient,
  options: { passwordHash?: string; year?: number } = {},
): Promise<Fixture> {
  const year = options.year ?? YEAR
  const passwordHash = options.passwordHash ?? 'not-a-real-hash'
  const area = await prisma.area.create({ data: { code: 'PB', name: '基层党建', sortOrder: 1 } })
  const root = await prisma.organization.create({
    data: { code: 'ROOT', name: '公司党委', unitType: 'HEADQUARTERS', assessed: false },
  })
  const orgs = {} as Record<OrgCode, number>
  let sort = 0
  for (const o of ORGS) {
    const org = await prisma.organization.create({
      data: {
        code: o.code,
        name: `${o.code}党支部`,
        unitType: 'GRASSROOTS',
        parentId: root.id,
        sortOrder: ++sort,
        categoryAssignments: { create: { year, category: o.category } },
      },
    })
    orgs[o.code] = org.id
  }
  const schemes = {} as Fixture['schemes']
  for (const category of ['I', 'II', 'III'] as const) {
    const scheme = await prisma.scheme.create({
      data: {
        year,
        areaId: area.id,
        category,
        name: `${year}年${category}类方案`,
        status: 'PUBLISHED',
        bonusCap: '5.00',
        publishedAt: new Date(),
      },
    })
    const d1 = await prisma.dimension.create({
      data: { schemeId: scheme.id, code: 'D1', name: '组织建设', maxPoints: '60.00', sortOrder: 1 },
    })
    const d2 = await prisma.dimension.create({
      data: { schemeId: scheme.id, code: 'D2', name: '党员教育', maxPoints: '40.00', sortOrder: 2 },
    })
    const i1 = await prisma.indicator.create({
      data: {
        schemeId: scheme.id,
        dimensionId: d1.id,
        code: 'i1',
        name: '组织生活',
        method: 'DEDUCTION',
        maxPoints: '60.00',
        defaultDeduction: '1.00',
        sortOrder: 1,
      },
    })
    const i2 = await prisma.indicator.create({
      data: {
        schemeId: scheme.id,
        dimensionId: d2.id,
        code: 'i2',
        name: '学习教育',
        method: 'RATING',
        maxPoints: '40.00',
        ratingLevels: [
          { label: '好', percent: '100' },
          { label: '较好', percent: '80' },
          { label: '一般', percent: '60' },
          { label: '差', percent: '0' },
        ],
        sortOrder: 2,
      },
    })
    const i3 = await prisma.indicator.create({
      data: {
        schemeId: scheme.id,
        code: 'i3',
        name: '党建+工程',
        method: 'BONUS',
        maxPoints: '5.00',
        sortOrder: 3,
      },
    })
    schemes[category] = { id: scheme.id, i1: i1.id, i2: i2.id, i3: i3.id }
  }
  await prisma.ruleSet.create({ data: { year } })
  const problemCategories = []
  for (const [i, name] of ['三会一课不规范', '党员发展程序', '台账不完整'].entries()) {
    const pc = await prisma.problemCategory.create({
      data: { code: `P${i + 1}`, name, sortOrder: i },
    })
    problemCategories.push(pc.id)
  }
  const usernames: Record<string, number> = {}
  const user = async (
    username: string,
    role: Actor['role'],
    orgId: number | null,
  ): Promise<Actor> => {
    const u = await prisma.user.create({
      data: { username, displayName: `${username}用户`, role, orgId, passwordHash },
    })
    usernames[username] = u.id
    return { userId: u.id, role, orgId }
  }
  const admin = await user('wf-admin', 'ADMIN', null)
  const leader = await user('wf-leader', 'LEADER', null)
  const insp1 = await user('wf-insp1', 'INSPECTOR', orgs.A1)
  const insp2 = await user('wf-insp2', 'INSPECTOR', null)
  const branch = {} as Record<OrgCode, Actor>
  for (const o of ORGS) branch[o.code] = await user(`wf-branch-${o.code}`, 'BRANCH', orgs[o.code])
  return {
    areaId: area.id,
    orgs,
    schemes,
    problemCategories,
    admin,
    leader,
    insp1,
    insp2,
    branch,
    usernames,
  }
}
