/**
 * Field problems are for people: over-long, empty and wrongly formed values sent to the create
 * mutations come back as a ValidationError whose message and every problem message are Chinese
 * sentences — never a validator's English ("Too big: expected string to have <=50 characters") —
 * each with its field path and a machine code. The zod error map is also checked on its own for
 * every kind of issue, so a schema added later without its own message is covered too.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { zodMessage } from '../../src/zod-messages'
import { ok, useTestApi } from '../helpers'

const api = useTestApi({ reset: 'file' })

/** An English word: what must never reach a person in a field problem. */
const ENGLISH = /[A-Za-z]{4,}/
const LONG = 'X'.repeat(360)

const RESULT = `__typename ... on AppError { code message } ... on ValidationError { problems { path message code } }`

interface Problem {
  path: string[]
  message: string
  code: string
}

const MUTATIONS = {
  createUser: `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${RESULT} } }`,
  createOrg: `mutation ($input: OrgInput!) { createOrg(input: $input) { ${RESULT} } }`,
  createProblemCategory: `mutation ($input: ProblemCategoryInput!) { createProblemCategory(input: $input) { ${RESULT} } }`,
  createArea: `mutation ($input: AreaInput!) { createArea(input: $input) { ${RESULT} } }`,
  createRound: `mutation ($input: CreateRoundInput!) { createRound(input: $input) { ${RESULT} } }`,
} as const
type Mutation = keyof typeof MUTATIONS

const goodUser = { username: 'field-probe', displayName: '字段检查', role: 'INSPECTOR', password: 'Probe@2026x' }
const goodOrg = { code: 'PROBE-1', name: '字段检查党支部', unitType: 'GRASSROOTS' }
const goodCategory = { code: 'PROBE-1', name: '字段检查问题类别' }
const goodArea = { code: 'PROBE-1', name: '字段检查专业' }

/** [mutation, label, input (areaIds filled in for rounds), the field the problem is about] */
const CASES: [Mutation, string, Record<string, unknown>, string][] = [
  ['createUser', 'a 200-character display name', { ...goodUser, displayName: LONG.slice(0, 200) }, 'displayName'],
  ['createUser', 'an empty display name', { ...goodUser, displayName: '' }, 'displayName'],
  ['createUser', 'a 51-character username', { ...goodUser, username: 'u'.repeat(51) }, 'username'],
  ['createUser', 'a one-character username', { ...goodUser, username: 'u' }, 'username'],
  ['createUser', 'a username with spaces', { ...goodUser, username: 'a b c' }, 'username'],
  ['createUser', 'a weak password', { ...goodUser, password: 'abc' }, 'password'],
  ['createUser', 'a 200-character password', { ...goodUser, password: `Aa1${LONG.slice(0, 197)}` }, 'password'],
  ['createOrg', 'a 360-character name', { ...goodOrg, name: LONG }, 'name'],
  ['createOrg', 'a 60-character code', { ...goodOrg, code: 'C'.repeat(60) }, 'code'],
  ['createOrg', 'a 60-character short name', { ...goodOrg, shortName: '简'.repeat(60) }, 'shortName'],
  ['createOrg', 'an empty name', { ...goodOrg, name: '   ' }, 'name'],
  ['createOrg', 'a code outside the alphabet', { ...goodOrg, code: 'a b/c' }, 'code'],
  ['createProblemCategory', 'a 360-character name', { ...goodCategory, name: LONG }, 'name'],
  ['createProblemCategory', 'a 60-character code', { ...goodCategory, code: 'C'.repeat(60) }, 'code'],
  ['createProblemCategory', 'a 2001-character description', { ...goodCategory, description: '述'.repeat(2001) }, 'description'],
  ['createProblemCategory', 'an empty code', { ...goodCategory, code: '' }, 'code'],
  ['createArea', 'a 60-character name', { ...goodArea, name: '专'.repeat(60) }, 'name'],
  ['createArea', 'a 60-character code', { ...goodArea, code: 'C'.repeat(60) }, 'code'],
  ['createRound', 'a 360-character name', { year: 2099, quarter: 1, name: LONG }, 'name'],
  ['createRound', 'a name of only spaces', { year: 2099, quarter: 1, name: '   ' }, 'name'],
]

describe('field problems of the create mutations', () => {
  it.each(CASES)('%s with %s: a Chinese problem at the field', async (mutation, _label, input, field) => {
    const cookie = await api.login('admin')
    const area = await api.prisma.area.findFirstOrThrow({ orderBy: { id: 'asc' } })
    const vars = { input: mutation === 'createRound' ? { areaIds: [area.id], ...input } : input }
    const audits = await api.prisma.auditLog.count()
    const res = ok(await api.gql(MUTATIONS[mutation], vars, cookie))[mutation] as {
      __typename: string
      code: string
      message: string
      problems: Problem[]
    }
    expect(res.__typename).toBe('ValidationError')
    expect(res.code).toBe('BAD_USER_INPUT')
    const problem = res.problems.find((p) => p.path.join('.') === `input.${field}`)
    expect(problem, JSON.stringify(res.problems)).toBeDefined()
    expect(problem!.code).toMatch(/^[a-z_]+$/)
    for (const message of [res.message, ...res.problems.map((p) => p.message)]) {
      expect(message).not.toMatch(ENGLISH)
    }
    expect(await api.prisma.auditLog.count()).toBe(audits)
  })

  it('a round name within the limit is stored, trimmed', async () => {
    const cookie = await api.login('admin')
    const area = await api.prisma.area.findFirstOrThrow({ orderBy: { id: 'asc' } })
    const name = `  ${'轮'.repeat(50)}  `
    const res = ok(
      await api.gql(
        `mutation ($input: CreateRoundInput!) { createRound(input: $input) { __typename ... on InspectionRound { id name } ... on AppError { message } } }`,
        { input: { year: 2098, quarter: 4, areaIds: [area.id], name } },
        cookie,
      ),
    ).createRound
    expect(res).toMatchObject({ __typename: 'InspectionRound', name: '轮'.repeat(50) })
  })
})

describe('the zod error map', () => {
  const schemas: [string, z.ZodType, unknown][] = [
    ['string too long', z.string().max(50), 'x'.repeat(51)],
    ['string of exact length', z.string().length(4), 'xx'],
    ['empty string', z.string().min(1), ''],
    ['string too short', z.string().min(2), 'x'],
    ['missing value', z.object({ a: z.string() }), {}],
    ['wrong type', z.string(), 42],
    ['number too big', z.number().max(60), 61],
    ['number too small', z.number().int().min(0), -1],
    ['not an integer', z.number().int(), 1.5],
    ['not a multiple', z.number().multipleOf(5), 7],
    ['too many items', z.array(z.string()).max(1), ['a', 'b']],
    ['no items', z.array(z.string()).min(1), []],
    ['regex', z.string().regex(/^\d+$/), 'abc'],
    ['email', z.email(), 'nobody'],
    ['url', z.url(), 'nowhere'],
    ['enum', z.enum(['A', 'B']), 'C'],
    ['literal', z.literal('A'), 'B'],
    ['strict object', z.strictObject({}), { extra: 1 }],
    ['union', z.union([z.number(), z.boolean()]), 'x'],
    ['custom', z.custom<string>(() => false), 'x'],
    ['date', z.date().max(new Date('2026-01-01')), new Date('2027-01-01')],
  ]

  it.each(schemas)('%s: a Chinese message', (_label, schema, value) => {
    const result = schema.safeParse(value)
    expect(result.success).toBe(false)
    for (const issue of result.error!.issues) {
      expect(issue.message).not.toMatch(ENGLISH)
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('says how long a text may be, and keeps a schema’s own message', () => {
    expect(z.string().max(50).safeParse('x'.repeat(51)).error?.issues[0]?.message).toBe('不能超过 50 个字符')
    expect(z.string().min(2).safeParse('x').error?.issues[0]?.message).toBe('至少 2 个字符')
    expect(z.string().min(1).safeParse('').error?.issues[0]?.message).toBe('不能为空')
    expect(z.string().min(1, '请填写姓名').safeParse('').error?.issues[0]?.message).toBe('请填写姓名')
    expect(zodMessage({ code: 'too_big', origin: 'number', maximum: 60, inclusive: true, input: 61 })).toBe('不能大于 60')
  })
})
