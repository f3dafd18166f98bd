/**
 * The input edge of every mutation: a missing reference is a typed NotFoundError (not a masked
 * foreign-key violation), codes and names are normalised and refused with field paths when they
 * hold invisible characters or look like another row's, dates lie in 2000–2100, lone surrogates are
 * refused anywhere. Each refusal changes nothing.
 */
import { describe, expect, it } from 'vitest'
import { errorCode, ok, useTestApi } from './helpers'

const api = useTestApi({ reset: 'file' })

const PROBLEM_FIELDS = `__typename ... on AppError { code message } ... on ValidationError { problems { path message code } } ... on NotFoundError { entityType entityId }`

async function admin() {
  return api.login('admin')
}

describe('missing references', () => {
  it('createInterview with an area or org that does not exist: NotFoundError naming it, nothing stored', async () => {
    const cookie = await admin()
    const round = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { id: 'desc' } })
    const org = await api.prisma.organization.findFirstOrThrow({ where: { assessed: true }, orderBy: { id: 'asc' } })
    const area = await api.prisma.area.findFirstOrThrow({ orderBy: { id: 'asc' } })
    const before = await api.prisma.interview.count()
    const audits = await api.prisma.auditLog.count()
    const q = `mutation ($r: Int!, $o: Int!, $a: Int!) { createInterview(roundId: $r, orgId: $o, areaId: $a) { ${PROBLEM_FIELDS} } }`
    for (const [vars, entity, id] of [
      [{ r: round.id, o: org.id, a: 987_654 }, 'Area', '987654'],
      [{ r: round.id, o: 987_654, a: area.id }, 'Organization', '987654'],
    ] as const) {
      const res = await api.gql(q, vars, cookie)
      expect(res.status).toBe(200)
      const result = ok(res).createInterview
      expect(result.__typename).toBe('NotFoundError')
      expect(result.code).toBe('NOT_FOUND')
      expect([entity, entity === 'Organization' ? 'Org' : entity]).toContain(result.entityType)
      expect(result.entityId).toBe(id)
    }
    expect(await api.prisma.interview.count()).toBe(before)
    expect(await api.prisma.auditLog.count()).toBe(audits)
  })
})

describe('codes and names', () => {
  const createOrg = `mutation ($input: OrgInput!) { createOrg(input: $input) { ${PROBLEM_FIELDS} ... on Organization { id code name shortName } } }`

  it('are stored NFC and trimmed', async () => {
    const cookie = await admin()
    const res = ok(
      await api.gql(createOrg, { input: { code: '  EDGE-1 ', name: ' Cafe\u0301 党支部 ', shortName: ' e\u0301 ', unitType: 'GRASSROOTS' } }, cookie),
    ).createOrg
    expect(res.__typename).toBe('Organization')
    expect(res.code).toBe('EDGE-1')
    expect(res.name).toBe('Café 党支部')
    expect(res.shortName).toBe('é')
  })

  it.each([
    ['zero-width only code', { code: '\u200B\u200B' }, 'code'],
    ['zero-width inside a code', { code: 'AB\u200BC' }, 'code'],
    ['code outside the alphabet', { code: 'a b/c' }, 'code'],
    ['right-to-left override in a name', { name: '第\u202E一支部' }, 'name'],
    ['control character in a name', { name: '支部\u0007' }, 'name'],
    ['zero-width joiner in a short name', { shortName: '一\u200D支' }, 'shortName'],
  ])('refuse %s with a ValidationError at the field', async (_label, patch, field) => {
    const cookie = await admin()
    const before = await api.prisma.organization.count()
    const input = { code: 'EDGE-X', name: '边缘测试支部', unitType: 'GRASSROOTS', ...patch }
    const res = ok(await api.gql(createOrg, { input }, cookie)).createOrg
    expect(res.__typename).toBe('ValidationError')
    expect(res.problems.map((p: { path: string[] }) => p.path.join('.'))).toContain(`input.${field}`)
    expect(await api.prisma.organization.count()).toBe(before)
  })

  it('refuse look-alike duplicates of codes and names (full-width, case, NFD, spaces)', async () => {
    const cookie = await admin()
    const existing = await api.prisma.organization.findFirstOrThrow({ orderBy: { id: 'asc' } })
    const fullWidth = existing.code.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    // A full-width code is outside the code alphabet before it is a look-alike.
    const cases: [Record<string, string>, string, string][] = [
      [{ code: existing.code.toLowerCase() }, 'code', 'duplicate'],
      [{ code: fullWidth }, 'code', 'invalid_text'],
      [{ name: existing.name.replace(/(.)/, '$1 ') }, 'name', 'duplicate'],
      [{ name: `${existing.name.normalize('NFD')}\u3000` }, 'name', 'duplicate'],
      [{ name: existing.name }, 'name', 'duplicate'],
    ]
    for (const [patch, field, code] of cases) {
      const input = { code: 'EDGE-Y', name: '不重名的支部', unitType: 'GRASSROOTS', ...patch }
      const res = ok(await api.gql(createOrg, { input }, cookie)).createOrg
      expect(res.__typename, JSON.stringify(patch)).toBe('ValidationError')
      expect(res.problems[0].path).toEqual(['input', field])
      expect(res.problems[0].code).toBe(code)
    }
    // Areas and problem categories too.
    const area = await api.prisma.area.findFirstOrThrow()
    const areaRes = ok(
      await api.gql(`mutation ($i: AreaInput!) { createArea(input: $i) { ${PROBLEM_FIELDS} } }`, { i: { code: area.code.toLowerCase(), name: '另一个专业' } }, cookie),
    ).createArea
    expect(areaRes.__typename).toBe('ValidationError')
    const pc = await api.prisma.problemCategory.findFirstOrThrow()
    const pcRes = ok(
      await api.gql(`mutation ($i: ProblemCategoryInput!) { createProblemCategory(input: $i) { ${PROBLEM_FIELDS} } }`, { i: { code: 'EDGE-PC', name: `${pc.name}\u3000` } }, cookie),
    ).createProblemCategory
    expect(pcRes.__typename).toBe('ValidationError')
    expect(pcRes.problems[0].path).toEqual(['input', 'name'])
  })

  it('refuse look-alike duplicates of inspection team names within a round, and of shared indicators within a year and area', async () => {
    const cookie = await admin()
    const round = await api.prisma.inspectionRound.findFirstOrThrow({
      where: { status: { in: ['PLANNING', 'INSPECTING'] } },
    })
    const createTeam = `mutation ($roundId: Int!, $name: String!) { createTeam(roundId: $roundId, name: $name) { ${PROBLEM_FIELDS} ... on InspectionTeam { id name } } }`
    const first = ok(await api.gql(createTeam, { roundId: round.id, name: 'Edge Team 一组' }, cookie)).createTeam
    expect(first.__typename).toBe('InspectionTeam')
    const teams = await api.prisma.inspectionTeam.count()
    for (const name of ['edge team 一组', 'Ｅｄｇｅ　Ｔｅａｍ 一组', 'EdgeTeam一组', 'Edge Team 一组']) {
      const res = ok(await api.gql(createTeam, { roundId: round.id, name }, cookie)).createTeam
      expect(res.__typename, name).toBe('ValidationError')
      expect(res.problems[0]).toMatchObject({ path: ['name'], code: 'duplicate' })
    }
    // Renaming another team to a look-alike is refused too; keeping its own name is not.
    const second = ok(await api.gql(createTeam, { roundId: round.id, name: 'Edge Team 二组' }, cookie)).createTeam
    const rename = `mutation ($teamId: Int!, $name: String!) { renameTeam(teamId: $teamId, name: $name) { ${PROBLEM_FIELDS} ... on InspectionTeam { name } } }`
    const renamed = ok(await api.gql(rename, { teamId: second.id, name: 'EDGE TEAM 一组' }, cookie)).renameTeam
    expect(renamed.__typename).toBe('ValidationError')
    expect(ok(await api.gql(rename, { teamId: second.id, name: 'Edge Team 二组 ' }, cookie)).renameTeam.__typename).toBe('InspectionTeam')
    expect(await api.prisma.inspectionTeam.count()).toBe(teams + 1)

    const shared = await api.prisma.sharedIndicator.findFirstOrThrow({ orderBy: { id: 'asc' } })
    const createShared = `mutation ($year: Int!, $areaId: Int!, $input: SharedIndicatorInput!) { createSharedIndicator(year: $year, areaId: $areaId, input: $input) { ${PROBLEM_FIELDS} } }`
    const count = await api.prisma.sharedIndicator.count()
    const cases: [Record<string, string>, string][] = [
      [{ code: shared.code.toLowerCase() }, 'code'],
      [{ name: `${shared.name.normalize('NFD')}\u3000` }, 'name'],
      [{ name: shared.name.replace(/(.)/, '$1 ') }, 'name'],
    ]
    for (const [patch, field] of cases) {
      const input = { code: 'EDGE-SI', name: '不重名的共用指标', method: 'DEDUCTION', ...patch }
      const res = ok(await api.gql(createShared, { year: shared.year, areaId: shared.areaId, input }, cookie)).createSharedIndicator
      expect(res.__typename, JSON.stringify(patch)).toBe('ValidationError')
      expect(res.problems[0]).toMatchObject({ path: ['input', field], code: 'duplicate' })
    }
    expect(await api.prisma.sharedIndicator.count()).toBe(count)
    // The same code in another year is another definition.
    const otherYear = ok(
      await api.gql(createShared, { year: 2099, areaId: shared.areaId, input: { code: shared.code, name: shared.name, method: 'DEDUCTION' } }, cookie),
    ).createSharedIndicator
    expect(otherYear.__typename).toBe('SharedIndicator')
  })

  it('lone surrogates are refused in any text, before anything runs', async () => {
    const cookie = await admin()
    const res = await api.gql(createOrg, { input: { code: 'EDGE-Z', name: '支部\uD800', unitType: 'GRASSROOTS' } }, cookie)
    expect(errorCode(res)).toBe('BAD_USER_INPUT')
    expect(await api.prisma.organization.count({ where: { code: 'EDGE-Z' } })).toBe(0)
  })
})

describe('dates', () => {
  it.each(['0001-01-01', '9999-12-31', '1999-12-31', '2101-01-01'])(
    '%s is refused with a ValidationError at the field; 2000–2100 is stored',
    async (date) => {
      const cookie = await api.login('branch1')
      const rect = await api.prisma.rectification.findFirstOrThrow({
        where: { org: { users: { some: { username: 'branch1' } } }, status: 'OPEN' },
        orderBy: { id: 'asc' },
      })
      const q = `mutation ($id: Int!, $v: Int!, $d: Date!) { updateRectification(id: $id, version: $v, input: { deadline: $d }) { ${PROBLEM_FIELDS} ... on Rectification { deadline } } }`
      const res = ok(await api.gql(q, { id: rect.id, v: rect.version, d: date }, cookie)).updateRectification
      expect(res.__typename).toBe('ValidationError')
      expect(res.problems[0].path).toEqual(['input', 'deadline'])
      expect(res.problems[0].code).toBe('out_of_range')
      const after = await api.prisma.rectification.findUniqueOrThrow({ where: { id: rect.id } })
      expect(after.version).toBe(rect.version)
    },
  )
})
