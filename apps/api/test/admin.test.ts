import { STORED_DEFAULT_RULE_SET } from '@redblue/db/testing'
import { beforeEach, describe, expect, it } from 'vitest'
import { FIXTURE_YEAR } from './fixture'
import { errorCode, ok, useTestApi } from './helpers'

/** Admin configuration: users, the org tree, yearly categories, areas, problem categories, rule sets. */

const api = useTestApi({ seed: 'fixture' })
let admin: string

beforeEach(async () => {
  admin = await api.login('admin')
})

const ME = `{ me { username } }`

describe('users', () => {
  const USER = `__typename ... on User { id username role orgId active mustChangePassword version }
    ... on ValidationError { problems { path code } } ... on ConflictError { currentVersion }`

  it('creates a user who must change the password at first login', async () => {
    const res = await api.gql(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER} } }`,
      {
        input: {
          username: 'branch9',
          displayName: '九支部',
          role: 'BRANCH',
          orgId: api.fixture.orgIds.h2,
          password: 'Start2026x',
        },
      },
      admin,
    )
    expect(ok(res).createUser).toMatchObject({
      __typename: 'User',
      role: 'BRANCH',
      mustChangePassword: true,
    })
    const cookie = await api.login('branch9', 'Start2026x')
    expect(ok(await api.gql(`{ me { mustChangePassword org { code } } }`, {}, cookie)).me).toEqual({
      mustChangePassword: true,
      org: { code: 'H2' },
    })
    const hash = (await api.prisma.user.findUniqueOrThrow({ where: { username: 'branch9' } }))
      .passwordHash
    expect(hash).toMatch(/^\$argon2id\$/)
  })

  it('refuses duplicates, weak passwords and BRANCH users without an org', async () => {
    const create = (input: Record<string, unknown>) =>
      api.gql(
        `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER} } }`,
        { input },
        admin,
      )
    const base = {
      username: 'newbie',
      displayName: '新人',
      role: 'BRANCH',
      orgId: api.fixture.orgIds.g1,
      password: 'Start2026x',
    }
    expect(ok(await create({ ...base, username: 'admin' })).createUser.problems).toEqual([
      { path: ['input', 'username'], code: 'duplicate' },
    ])
    expect(ok(await create({ ...base, password: 'short' })).createUser.__typename).toBe(
      'ValidationError',
    )
    expect(ok(await create({ ...base, orgId: null })).createUser.problems).toEqual([
      { path: ['input', 'orgId'], code: 'required' },
    ])
  })

  it('disabling a user signs them out everywhere and blocks login; the last admin cannot be disabled', async () => {
    const branch = await api.login('branch1')
    const id = api.fixture.userIds.branch1
    const res = await api.gql(
      `mutation ($id: Int!) { updateUser(id: $id, version: 1, input: { active: false }) { ${USER} } }`,
      { id },
      admin,
    )
    expect(ok(res).updateUser).toMatchObject({ active: false, version: 2 })
    expect(ok(await api.gql(ME, {}, branch)).me).toBeNull()
    const login = await api.gql(
      `mutation { login(username: "branch1", password: "RedBlue@2026") { __typename ... on AppError { message } ... on AuthenticationError { reason } } }`,
    )
    expect(ok(login).login).toEqual({
      __typename: 'AuthenticationError',
      message: '该账号已停用，请联系管理员',
      reason: 'INACTIVE',
    })

    const self = await api.gql(
      `mutation ($id: Int!) { updateUser(id: $id, version: 1, input: { active: false }) { ${USER} } }`,
      { id: api.fixture.userIds.admin },
      admin,
    )
    expect(ok(self).updateUser.problems).toEqual([{ path: ['input'], code: 'self_lockout' }])
  })

  it('changes role and org link under optimistic locking', async () => {
    const id = api.fixture.userIds.inspector2
    const update = (version: number, input: Record<string, unknown>) =>
      api.gql(
        `mutation ($id: Int!, $v: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $v, input: $input) { ${USER} } }`,
        { id, v: version, input },
        admin,
      )
    expect(
      ok(await update(1, { role: 'BRANCH', orgId: api.fixture.orgIds.h1 })).updateUser,
    ).toMatchObject({
      role: 'BRANCH',
      orgId: api.fixture.orgIds.h1,
      version: 2,
    })
    expect(ok(await update(1, { displayName: 'late' })).updateUser).toEqual({
      __typename: 'ConflictError',
      currentVersion: 2,
    })
    expect(ok(await update(2, { role: 'LEADER', orgId: null })).updateUser).toMatchObject({
      role: 'LEADER',
      orgId: null,
    })
  })

  it('resetting a password revokes sessions and forces a change', async () => {
    const branch = await api.login('branch2')
    const res = await api.gql(
      `mutation ($id: Int!) { resetUserPassword(id: $id, newPassword: "Reset2026x") { ${USER} } }`,
      { id: api.fixture.userIds.branch2 },
      admin,
    )
    expect(ok(res).resetUserPassword).toMatchObject({ mustChangePassword: true })
    expect(ok(await api.gql(ME, {}, branch)).me).toBeNull()
    await api.login('branch2', 'Reset2026x')
  })

  it('lists users for admins only', async () => {
    const all = ok(await api.gql(`{ users { username } }`, {}, admin)).users as unknown[]
    expect(all).toHaveLength(6)
    const filtered = ok(
      await api.gql(`{ users(role: BRANCH, search: "1") { username } }`, {}, admin),
    ).users
    expect(filtered).toEqual([{ username: 'branch1' }])
    expect(errorCode(await api.gql(`{ users { username } }`, {}, await api.login('leader')))).toBe(
      'FORBIDDEN',
    )
  })
})

describe('organizations', () => {
  const ORG = `__typename ... on Organization { id code name parentId active version }
    ... on ValidationError { problems { path code } } ... on ConflictError { currentVersion }`
  const input = (over: Record<string, unknown> = {}) => ({
    code: 'G3',
    name: '第三基层党支部',
    unitType: 'GRASSROOTS',
    parentId: api.fixture.orgIds.committee,
    sortOrder: 5,
    ...over,
  })

  it('builds the tree and reads it back with categories of a year', async () => {
    const created = ok(
      await api.gql(
        `mutation ($input: OrgInput!) { createOrg(input: $input) { ${ORG} } }`,
        { input: input() },
        admin,
      ),
    ).createOrg
    expect(created).toMatchObject({
      __typename: 'Organization',
      code: 'G3',
      parentId: api.fixture.orgIds.committee,
    })
    const tree = ok(
      await api.gql(
        `{ orgs { code category(year: ${FIXTURE_YEAR}) children { code } } }`,
        {},
        await api.login('branch1'),
      ),
    ).orgs as { code: string; category: string | null; children: { code: string }[] }[]
    expect(tree.find((o) => o.code === 'C0')?.children.map((c) => c.code)).toEqual([
      'G1',
      'G2',
      'H1',
      'H2',
      'G3',
    ])
    expect(tree.find((o) => o.code === 'H2')?.category).toBe('III')
    expect(tree.find((o) => o.code === 'G3')?.category).toBeNull()
  })

  it('refuses cycles and duplicate codes; moves and deactivates with version checks', async () => {
    const { committee, g1 } = api.fixture.orgIds
    const update = (id: number, version: number, over: Record<string, unknown>) =>
      api.gql(
        `mutation ($id: Int!, $v: Int!, $input: OrgInput!) { updateOrg(id: $id, version: $v, input: $input) { ${ORG} } }`,
        { id, v: version, input: input(over) },
        admin,
      )
    expect(ok(await update(committee, 1, { code: 'C0', parentId: g1 })).updateOrg.problems).toEqual(
      [{ path: ['input', 'parentId'], code: 'cycle' }],
    )
    expect(ok(await update(g1, 1, { code: 'G2' })).updateOrg.problems).toEqual([
      { path: ['input', 'code'], code: 'duplicate' },
    ])
    expect(ok(await update(g1, 1, { code: 'G1', active: false })).updateOrg).toMatchObject({
      active: false,
      version: 2,
    })
    expect(ok(await update(g1, 1, { code: 'G1' })).updateOrg).toEqual({
      __typename: 'ConflictError',
      currentVersion: 2,
    })
    const active = ok(await api.gql(`{ orgs { code } }`, {}, admin)).orgs as { code: string }[]
    expect(active.map((o) => o.code)).not.toContain('G1')
  })

  it('deletes only orgs without history', async () => {
    const del = (id: number) =>
      api.gql(
        `mutation ($id: Int!) { deleteOrg(id: $id) { __typename ... on ValidationError { problems { code } } } }`,
        { id },
        admin,
      )
    expect(ok(await del(api.fixture.orgIds.g1)).deleteOrg).toEqual({
      __typename: 'ValidationError',
      problems: [{ code: 'in_use' }],
    })
    const created = ok(
      await api.gql(
        `mutation ($input: OrgInput!) { createOrg(input: $input) { ${ORG} } }`,
        { input: input() },
        admin,
      ),
    ).createOrg
    expect(ok(await del(created.id)).deleteOrg.__typename).toBe('MutationDeleteOrgSuccess')
  })
})

describe('yearly categories', () => {
  const list = (
    mutation: string,
  ) => `__typename ... on Mutation${mutation}Success { data { org { code } category } }
    ... on ValidationError { problems { path code } }`

  it('bulk-updates a year (set, change, remove)', async () => {
    const { g1, g2, h1 } = api.fixture.orgIds
    const res = await api.gql(
      `mutation ($items: [CategoryAssignmentItem!]!) { setCategoryAssignments(year: ${FIXTURE_YEAR}, items: $items) { ${list('SetCategoryAssignments')} } }`,
      {
        items: [
          { orgId: g1, category: 'II' },
          { orgId: g2, category: null },
          { orgId: h1, category: 'II' },
        ],
      },
      admin,
    )
    expect(ok(res).setCategoryAssignments.data).toEqual([
      { org: { code: 'G1' }, category: 'II' },
      { org: { code: 'H1' }, category: 'II' },
      { org: { code: 'H2' }, category: 'III' },
    ])
    // One audit entry per actual change (h1 was already II).
    expect(await api.prisma.auditLog.count({ where: { action: 'categoryAssignment.set' } })).toBe(2)
  })

  it('copies last year into a new year without overwriting unless asked', async () => {
    const copy = (overwrite: boolean) =>
      api.gql(
        `mutation { copyCategoryAssignments(fromYear: ${FIXTURE_YEAR}, toYear: ${FIXTURE_YEAR + 1}, overwrite: ${overwrite}) { ${list('CopyCategoryAssignments')} } }`,
        {},
        admin,
      )
    await api.prisma.orgCategoryAssignment.create({
      data: { orgId: api.fixture.orgIds.g1, year: FIXTURE_YEAR + 1, category: 'III' },
    })
    const kept = ok(await copy(false)).copyCategoryAssignments.data as {
      org: { code: string }
      category: string
    }[]
    expect(kept.find((a) => a.org.code === 'G1')?.category).toBe('III')
    expect(kept).toHaveLength(4)
    const over = ok(await copy(true)).copyCategoryAssignments.data as {
      org: { code: string }
      category: string
    }[]
    expect(over.find((a) => a.org.code === 'G1')?.category).toBe('I')
    const empty = ok(
      await api.gql(
        `mutation { copyCategoryAssignments(fromYear: 2001, toYear: 2002) { ${list('CopyCategoryAssignments')} } }`,
        {},
        admin,
      ),
    )
    expect(empty.copyCategoryAssignments.problems).toEqual([{ path: ['fromYear'], code: 'empty' }])
  })
})

describe('areas and problem categories', () => {
  it('creates and edits areas and problem categories; inactive categories are hidden by default', async () => {
    const area = ok(
      await api.gql(
        `mutation { createArea(input: { code: "X", name: "新专业" }) { __typename ... on Area { id name } } }`,
        {},
        admin,
      ),
    ).createArea
    const renamed = ok(
      await api.gql(
        `mutation ($id: Int!) { updateArea(id: $id, input: { code: "X", name: "新专业二" }) { __typename ... on Area { name } } }`,
        { id: area.id },
        admin,
      ),
    )
    expect(renamed.updateArea).toEqual({ __typename: 'Area', name: '新专业二' })

    const pc = ok(
      await api.gql(
        `mutation { createProblemCategory(input: { code: "P99", name: "新问题" }) { __typename ... on ProblemCategory { id version } } }`,
        {},
        admin,
      ),
    ).createProblemCategory
    const off = await api.gql(
      `mutation ($id: Int!) { updateProblemCategory(id: $id, version: 1, input: { code: "P99", name: "新问题", active: false }) { __typename ... on ProblemCategory { active version } } }`,
      { id: pc.id },
      admin,
    )
    expect(ok(off).updateProblemCategory).toEqual({
      __typename: 'ProblemCategory',
      active: false,
      version: 2,
    })
    const visible = ok(await api.gql(`{ problemCategories { code } }`, {}, admin))
      .problemCategories as { code: string }[]
    expect(visible.map((p) => p.code)).toEqual(['P01', 'P02', 'P03'])
    const all = ok(
      await api.gql(`{ problemCategories(includeInactive: true) { code } }`, {}, admin),
    ).problemCategories as unknown[]
    expect(all).toHaveLength(4)
  })
})

describe('rule sets', () => {
  const RULES = `year stored version redCategories blueLastCategories baseThresholdCategories baseThreshold redPoints bluePoints thresholdPoints quarterlyWeight rectificationDays warningDays annualComponents { code name weight }`
  const input = {
    redCategories: ['I', 'II'],
    blueLastCategories: ['I', 'II'],
    baseThresholdCategories: ['III'],
    baseThreshold: '97.5',
    redPoints: '2',
    bluePoints: '-2',
    thresholdPoints: '-0.5',
    quarterlyWeight: '0.4',
    annualComponents: [{ code: 'REPORT', name: '述职评议', weight: '0.3' }],
    rectificationDays: 20,
    warningDays: 5,
  }

  it('a year without a stored rule set reads the source defaults', async () => {
    const rules = ok(
      await api.gql(`{ ruleSet(year: 2030) { ${RULES} } }`, {}, await api.login('branch1')),
    ).ruleSet
    expect(rules).toEqual({
      year: 2030,
      stored: false,
      version: 0,
      ...STORED_DEFAULT_RULE_SET,
      annualComponents: [],
    })
  })

  it('saves a year, refuses stale versions, and seeds the next year from it', async () => {
    const save = (version: number, over: Record<string, unknown> = {}) =>
      api.gql(
        `mutation ($v: Int!, $input: RuleSetInput!) { saveRuleSet(year: 2030, version: $v, input: $input) { __typename ... on RuleSet { ${RULES} } ... on ConflictError { currentVersion } ... on ValidationError { problems { path } } } }`,
        { v: version, input: { ...input, ...over } },
        admin,
      )
    expect(ok(await save(0)).saveRuleSet).toMatchObject({
      stored: true,
      version: 1,
      baseThreshold: '97.50',
      quarterlyWeight: '0.4000',
    })
    expect(ok(await save(0)).saveRuleSet).toEqual({
      __typename: 'ConflictError',
      currentVersion: 1,
    })
    expect(ok(await save(1, { warningDays: 3 })).saveRuleSet).toMatchObject({
      version: 2,
      warningDays: 3,
    })
    expect(ok(await save(2, { quarterlyWeight: '1.5' })).saveRuleSet.problems).toEqual([
      { path: ['input', 'quarterlyWeight'] },
    ])
    const next = ok(
      await api.gql(
        `{ ruleSet(year: 2031) { stored version baseThreshold warningDays } }`,
        {},
        admin,
      ),
    ).ruleSet
    expect(next).toEqual({ stored: false, version: 0, baseThreshold: '97.50', warningDays: 3 })
  })
})
