import type { PrismaClient } from '@redblue/db'
import { hashPassword } from '../src/auth/password'

/**
 * A small world for tests that do not need the full demo data (faster than the seed, and
 * independent of it): the demo usernames with the demo password, three areas, a committee with
 * four branches, categories for FIXTURE_YEAR, and three problem categories.
 */
export const FIXTURE_YEAR = 2026
export const FIXTURE_PASSWORD = 'RedBlue@2026'

let passwordHash: Promise<string> | null = null

export interface Fixture {
  areaIds: { party: number; integrity: number; publicity: number }
  orgIds: { committee: number; g1: number; g2: number; h1: number; h2: number }
  userIds: Record<'admin' | 'leader' | 'inspector1' | 'inspector2' | 'branch1' | 'branch2', number>
}

export async function seedFixture(prisma: PrismaClient): Promise<Fixture> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD)
  const hash = await passwordHash

  const [party, integrity, publicity] = await Promise.all(
    [
      ['PARTY', '基层党建', 1],
      ['INTEGRITY', '党风廉政', 2],
      ['PUBLICITY', '宣传工作', 3],
    ].map(([code, name, sortOrder]) =>
      prisma.area.create({
        data: { code: code as string, name: name as string, sortOrder: sortOrder as number },
      }),
    ),
  )
  const committee = await prisma.organization.create({
    data: { code: 'C0', name: '公司党委', unitType: 'HEADQUARTERS', assessed: false },
  })
  const org = (
    code: string,
    name: string,
    unitType: 'GRASSROOTS' | 'HEADQUARTERS',
    sortOrder: number,
  ) =>
    prisma.organization.create({
      data: { code, name, unitType, parentId: committee.id, sortOrder },
    })
  const g1 = await org('G1', '第一基层党支部', 'GRASSROOTS', 1)
  const g2 = await org('G2', '第二基层党支部', 'GRASSROOTS', 2)
  const h1 = await org('H1', '办公室党支部', 'HEADQUARTERS', 3)
  const h2 = await org('H2', '财务部党支部', 'HEADQUARTERS', 4)
  await prisma.orgCategoryAssignment.createMany({
    data: [
      { orgId: g1.id, year: FIXTURE_YEAR, category: 'I' },
      { orgId: g2.id, year: FIXTURE_YEAR, category: 'I' },
      { orgId: h1.id, year: FIXTURE_YEAR, category: 'II' },
      { orgId: h2.id, year: FIXTURE_YEAR, category: 'III' },
    ],
  })
  const user = (
    username: string,
    displayName: string,
    role: 'ADMIN' | 'LEADER' | 'INSPECTOR' | 'BRANCH',
    orgId: number | null,
  ) => prisma.user.create({ data: { username, displayName, role, orgId, passwordHash: hash } })
  const admin = await user('admin', '党建部管理员', 'ADMIN', null)
  const leader = await user('leader', '公司领导', 'LEADER', null)
  const inspector1 = await user('inspector1', '检查员一', 'INSPECTOR', h1.id)
  const inspector2 = await user('inspector2', '检查员二', 'INSPECTOR', g2.id)
  const branch1 = await user('branch1', '一支部书记', 'BRANCH', g1.id)
  const branch2 = await user('branch2', '二支部书记', 'BRANCH', g2.id)
  await prisma.problemCategory.createMany({
    data: [
      { code: 'P01', name: '三会一课不规范', sortOrder: 1 },
      { code: 'P02', name: '党费收缴不规范', sortOrder: 2 },
      { code: 'P03', name: '台账资料不完整', sortOrder: 3 },
    ],
  })
  return {
    areaIds: { party: party!.id, integrity: integrity!.id, publicity: publicity!.id },
    orgIds: { committee: committee.id, g1: g1.id, g2: g2.id, h1: h1.id, h2: h2.id },
    userIds: {
      admin: admin.id,
      leader: leader.id,
      inspector1: inspector1.id,
      inspector2: inspector2.id,
      branch1: branch1.id,
      branch2: branch2.id,
    },
  }
}
