import { describe, expect, it } from 'vitest'
import { ACCESS } from './access-matrix'
import { FIXTURE_YEAR } from './fixture'
import { ok, useTestApi } from './helpers'

/** Each core mutation's audit action: `entity.verb`, the one convention (see src/audit.ts). */
const AUDIT_ACTION: Record<string, string> = {
  login: 'auth.login',
  logout: 'auth.logout',
  changePassword: 'auth.changePassword',
  createUser: 'user.create',
  updateUser: 'user.update',
  resetUserPassword: 'user.resetPassword',
  createOrg: 'org.create',
  updateOrg: 'org.update',
  deleteOrg: 'org.delete',
  importOrgs: 'org.import',
  createArea: 'area.create',
  updateArea: 'area.update',
  createProblemCategory: 'problemCategory.create',
  updateProblemCategory: 'problemCategory.update',
  saveRuleSet: 'ruleSet.save',
  createScheme: 'scheme.create',
  updateSchemeDraft: 'scheme.updateDraft',
  deleteSchemeDraft: 'scheme.deleteDraft',
  publishScheme: 'scheme.publish',
  reviseScheme: 'scheme.revise',
  cloneScheme: 'scheme.clone',
  archiveScheme: 'scheme.archive',
  importSchemeIndicators: 'scheme.importIndicators',
  importFindings: 'finding.import',
  createSharedIndicator: 'sharedIndicator.create',
  updateSharedIndicator: 'sharedIndicator.update',
  deleteSharedIndicator: 'sharedIndicator.delete',
  createNotice: 'notice.create',
  updateNotice: 'notice.update',
  setCategoryAssignments: 'categoryAssignment.set',
  copyCategoryAssignments: 'categoryAssignment.copy',
}

/**
 * Every core mutation writes an audit entry (actor, action, entity, before/after, address) in the
 * same transaction as the change. The scenario below calls each of them once; the first test
 * fails when a Mutation row of test/access-matrix.ts has no step here.
 */

const api = useTestApi({ seed: 'fixture' })

interface Step {
  mutation: string
  /** Expected snapshots: 'both', only 'after' (create), only 'before' (delete), or 'none'. */
  snapshots: 'both' | 'after' | 'before' | 'none'
  entityType: string
  run: (ctx: { admin: string; ids: Record<string, number> }) => Promise<unknown>
}

const draft = {
  name: '方案',
  bonusCap: '5',
  dimensions: [{ code: 'D1', name: '政治建设', maxPoints: '100' }],
  indicators: [
    { code: 'I1', name: '理论学习', dimensionCode: 'D1', method: 'DEDUCTION', maxPoints: '100' },
  ],
}

const IP = '10.1.2.3'

const gql = (query: string, variables: Record<string, unknown>, cookie: string | null) =>
  api.gql(query, variables, { cookie, ip: IP }).then((res) => {
    const data = ok(res)
    const result = Object.values(data)[0] as { __typename?: string } | boolean
    if (typeof result === 'object' && result.__typename && /Error$/.test(result.__typename)) {
      throw new Error(`${query}: ${JSON.stringify(result)}`)
    }
    return data
  })

const STEPS: Step[] = [
  {
    mutation: 'createUser',
    snapshots: 'after',
    entityType: 'User',
    run: async ({ admin, ids }) => {
      const d = await gql(
        `mutation { createUser(input: { username: "auditee", displayName: "审计", role: LEADER, password: "Audit2026x" }) { __typename ... on User { id } } }`,
        {},
        admin,
      )
      ids.user = (d.createUser as { id: number }).id
    },
  },
  {
    mutation: 'updateUser',
    snapshots: 'both',
    entityType: 'User',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { updateUser(id: $id, version: 1, input: { displayName: "审计二" }) { __typename } }`,
        { id: ids.user },
        admin,
      ),
  },
  {
    mutation: 'resetUserPassword',
    snapshots: 'both',
    entityType: 'User',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { resetUserPassword(id: $id, newPassword: "Audit2026y") { __typename } }`,
        { id: ids.user },
        admin,
      ),
  },
  {
    mutation: 'login',
    snapshots: 'none',
    entityType: 'User',
    run: () => api.login('auditee', 'Audit2026y', { ip: IP }),
  },
  {
    mutation: 'changePassword',
    snapshots: 'both',
    entityType: 'User',
    run: async () =>
      gql(
        `mutation { changePassword(currentPassword: "Audit2026y", newPassword: "Audit2026z") { __typename } }`,
        {},
        await api.login('auditee', 'Audit2026y', { ip: IP }),
      ),
  },
  {
    mutation: 'logout',
    snapshots: 'none',
    entityType: 'User',
    run: async () =>
      gql(`mutation { logout }`, {}, await api.login('auditee', 'Audit2026z', { ip: IP })),
  },
  {
    mutation: 'createOrg',
    snapshots: 'after',
    entityType: 'Organization',
    run: async ({ admin, ids }) => {
      const d = await gql(
        `mutation { createOrg(input: { code: "A1", name: "审计支部", unitType: GRASSROOTS }) { __typename ... on Organization { id } } }`,
        {},
        admin,
      )
      ids.org = (d.createOrg as { id: number }).id
    },
  },
  {
    mutation: 'updateOrg',
    snapshots: 'both',
    entityType: 'Organization',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { updateOrg(id: $id, version: 1, input: { code: "A1", name: "审计党支部", unitType: GRASSROOTS }) { __typename } }`,
        { id: ids.org },
        admin,
      ),
  },
  {
    mutation: 'deleteOrg',
    snapshots: 'before',
    entityType: 'Organization',
    run: ({ admin, ids }) =>
      gql(`mutation ($id: Int!) { deleteOrg(id: $id) { __typename } }`, { id: ids.org }, admin),
  },
  {
    mutation: 'setCategoryAssignments',
    snapshots: 'both',
    entityType: 'OrgCategoryAssignment',
    run: ({ admin }) =>
      gql(
        `mutation ($items: [CategoryAssignmentItem!]!) { setCategoryAssignments(year: ${FIXTURE_YEAR}, items: $items) { __typename } }`,
        { items: [{ orgId: api.fixture.orgIds.g1, category: 'II' }] },
        admin,
      ),
  },
  {
    mutation: 'copyCategoryAssignments',
    snapshots: 'after',
    entityType: 'OrgCategoryAssignment',
    run: ({ admin }) =>
      gql(
        `mutation { copyCategoryAssignments(fromYear: ${FIXTURE_YEAR}, toYear: ${FIXTURE_YEAR + 1}) { __typename } }`,
        {},
        admin,
      ),
  },
  {
    mutation: 'createArea',
    snapshots: 'after',
    entityType: 'Area',
    run: async ({ admin, ids }) => {
      const d = await gql(
        `mutation { createArea(input: { code: "AU", name: "审计专业" }) { __typename ... on Area { id } } }`,
        {},
        admin,
      )
      ids.area = (d.createArea as { id: number }).id
    },
  },
  {
    mutation: 'updateArea',
    snapshots: 'both',
    entityType: 'Area',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { updateArea(id: $id, input: { code: "AU", name: "审计专业二" }) { __typename } }`,
        { id: ids.area },
        admin,
      ),
  },
  {
    mutation: 'createProblemCategory',
    snapshots: 'after',
    entityType: 'ProblemCategory',
    run: async ({ admin, ids }) => {
      const d = await gql(
        `mutation { createProblemCategory(input: { code: "PA", name: "审计问题" }) { __typename ... on ProblemCategory { id } } }`,
        {},
        admin,
      )
      ids.problem = (d.createProblemCategory as { id: number }).id
    },
  },
  {
    mutation: 'updateProblemCategory',
    snapshots: 'both',
    entityType: 'ProblemCategory',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { updateProblemCategory(id: $id, version: 1, input: { code: "PA", name: "审计问题二" }) { __typename } }`,
        { id: ids.problem },
        admin,
      ),
  },
  {
    mutation: 'saveRuleSet',
    snapshots: 'after',
    entityType: 'RuleSet',
    run: ({ admin }) =>
      gql(
        `mutation ($input: RuleSetInput!) { saveRuleSet(year: ${FIXTURE_YEAR}, version: 0, input: $input) { __typename } }`,
        {
          input: {
            redCategories: ['I'],
            blueLastCategories: ['I'],
            baseThresholdCategories: ['III'],
            baseThreshold: '98',
            redPoints: '1.5',
            bluePoints: '-1.5',
            thresholdPoints: '-0.5',
            quarterlyWeight: '0.4',
            annualComponents: [],
            rectificationDays: 30,
            warningDays: 7,
          },
        },
        admin,
      ),
  },
  {
    mutation: 'createSharedIndicator',
    snapshots: 'after',
    entityType: 'SharedIndicator',
    run: async ({ admin, ids }) => {
      const d = await gql(
        `mutation ($a: Int!) { createSharedIndicator(year: ${FIXTURE_YEAR}, areaId: $a, input: { code: "S9", name: "共享", method: DEDUCTION }) { __typename ... on SharedIndicator { id } } }`,
        { a: api.fixture.areaIds.party },
        admin,
      )
      ids.shared = (d.createSharedIndicator as { id: number }).id
    },
  },
  {
    mutation: 'updateSharedIndicator',
    snapshots: 'both',
    entityType: 'SharedIndicator',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { updateSharedIndicator(id: $id, version: 1, input: { code: "S9", name: "共享二", method: DEDUCTION }) { __typename } }`,
        { id: ids.shared },
        admin,
      ),
  },
  {
    mutation: 'deleteSharedIndicator',
    snapshots: 'before',
    entityType: 'SharedIndicator',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { deleteSharedIndicator(id: $id) { __typename } }`,
        { id: ids.shared },
        admin,
      ),
  },
  {
    mutation: 'createScheme',
    snapshots: 'after',
    entityType: 'Scheme',
    run: async ({ admin, ids }) => {
      const d = await gql(
        `mutation ($a: Int!) { createScheme(input: { year: ${FIXTURE_YEAR}, areaId: $a, category: I, name: "方案" }) { __typename ... on Scheme { id } } }`,
        { a: api.fixture.areaIds.party },
        admin,
      )
      ids.scheme = (d.createScheme as { id: number }).id
    },
  },
  {
    mutation: 'updateSchemeDraft',
    snapshots: 'both',
    entityType: 'Scheme',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!, $input: SchemeDraftInput!) { updateSchemeDraft(id: $id, version: 1, input: $input) { __typename } }`,
        { id: ids.scheme, input: draft },
        admin,
      ),
  },
  {
    mutation: 'publishScheme',
    snapshots: 'both',
    entityType: 'Scheme',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { publishScheme(id: $id, version: 2) { __typename } }`,
        { id: ids.scheme },
        admin,
      ),
  },
  {
    mutation: 'reviseScheme',
    snapshots: 'after',
    entityType: 'Scheme',
    run: async ({ admin, ids }) => {
      const d = await gql(
        `mutation ($id: Int!) { reviseScheme(id: $id) { __typename ... on Scheme { id } } }`,
        { id: ids.scheme },
        admin,
      )
      ids.revision = (d.reviseScheme as { id: number }).id
    },
  },
  {
    mutation: 'deleteSchemeDraft',
    snapshots: 'before',
    entityType: 'Scheme',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { deleteSchemeDraft(id: $id, version: 1) { __typename } }`,
        { id: ids.revision },
        admin,
      ),
  },
  {
    mutation: 'cloneScheme',
    snapshots: 'after',
    entityType: 'Scheme',
    run: ({ admin, ids }) =>
      gql(
        `mutation ($id: Int!) { cloneScheme(sourceId: $id, year: ${FIXTURE_YEAR + 1}, category: I) { __typename } }`,
        { id: ids.scheme },
        admin,
      ),
  },
]

describe('audit log', () => {
  it('has a scenario step for every core mutation', () => {
    const core = Object.keys(ACCESS)
      .filter((k) => k.startsWith('Mutation.'))
      .map((k) => k.slice('Mutation.'.length))
    expect(core.filter((m) => !STEPS.some((s) => s.mutation === m))).toEqual([])
  })

  it('every core mutation writes its entry with actor, entity, snapshots and address', async () => {
    const admin = await api.login('admin', undefined, { ip: IP })
    const ids: Record<string, number> = {}
    for (const step of STEPS) {
      const before = await api.prisma.auditLog.count()
      await step.run({ admin, ids })
      const entries = await api.prisma.auditLog.findMany({
        where: { action: AUDIT_ACTION[step.mutation] ?? step.mutation, id: { gt: BigInt(0) } },
        orderBy: { id: 'desc' },
        take: 1,
      })
      expect(await api.prisma.auditLog.count(), step.mutation).toBeGreaterThan(before)
      const entry = entries[0]
      expect(entry, step.mutation).toBeDefined()
      expect(entry!.entityType, step.mutation).toBe(step.entityType)
      expect(entry!.actorId, step.mutation).not.toBeNull()
      expect(entry!.before !== null, `${step.mutation} before`).toBe(
        step.snapshots === 'both' || step.snapshots === 'before',
      )
      expect(entry!.after !== null, `${step.mutation} after`).toBe(
        step.snapshots === 'both' || step.snapshots === 'after',
      )
      expect(entry!.ip, step.mutation).toBe(IP)
    }
  })

  it('snapshots never contain password hashes, and a failed mutation leaves no entry', async () => {
    const admin = await api.login('admin')
    await api.gql(
      `mutation ($id: Int!) { resetUserPassword(id: $id, newPassword: "Another2026") { __typename } }`,
      { id: api.fixture.userIds.branch1 },
      admin,
    )
    const entry = await api.prisma.auditLog.findFirstOrThrow({
      where: { action: 'user.resetPassword' },
    })
    expect(JSON.stringify([entry.before, entry.after])).not.toContain('argon2')
    expect(entry.before).toMatchObject({ username: 'branch1', mustChangePassword: false })
    expect(entry.after).toMatchObject({ username: 'branch1', mustChangePassword: true })

    const count = await api.prisma.auditLog.count()
    const refused = await api.gql(
      `mutation { createOrg(input: { code: "G1", name: "重复", unitType: GRASSROOTS }) { __typename } }`,
      {},
      admin,
    )
    expect(ok(refused).createOrg.__typename).toBe('ValidationError')
    expect(await api.prisma.auditLog.count()).toBe(count)
  })

  it('admins and leaders read the log, newest first, filtered by entity', async () => {
    const admin = await api.login('admin')
    await api.gql(
      `mutation { createArea(input: { code: "AX", name: "专业" }) { __typename } }`,
      {},
      admin,
    )
    const leader = await api.login('leader')
    const logs = ok(
      await api.gql(
        `{ auditLogs(filter: { entityType: "Area" }) { action actor { username } after } }`,
        {},
        leader,
      ),
    ).auditLogs
    expect(logs).toEqual([
      {
        action: 'area.create',
        actor: { username: 'admin' },
        after: expect.objectContaining({ code: 'AX' }),
      },
    ])
  })
})
