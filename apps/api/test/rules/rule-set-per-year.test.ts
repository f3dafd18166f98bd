/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by shape here. */
/**
 * One rule set per year, resolved in one place (rulesFor): 2041 has no rule set of its own and
 * inherits 2040's (category III threshold 99.00, red +2.00, annual component REPORT) everywhere —
 * the ruleSet query, publication (lists and adjustments), the annual components and roll-up and
 * the annual export. A published round records the values it was published with: editing the
 * rules afterwards changes none of its figures, notice, board or exports.
 */
import { STORED_DEFAULT_RULE_SET } from '@redblue/db/testing'
import { beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/password'
import { headerOf, readXlsx, rowsOf } from '../excel/xlsx'
import { ok, useTestApi } from '../helpers'
import { buildFixture, FIXTURE_PASSWORD, type Fixture } from '../workflow/fixtures'
import { inspect, planRound, reconcile, resolveDisputes, runner } from '../workflow/scenario'

const YEAR = 2041
const api = useTestApi({ seed: 'none', config: { now: () => new Date('2041-04-02T02:00:00Z') } })
let fx: Fixture
let hash: string | undefined
let admin: string

beforeEach(async () => {
  hash ??= await hashPassword(FIXTURE_PASSWORD)
  fx = await buildFixture(api.prisma, { passwordHash: hash, year: YEAR })
  // The fixture stores a rule set for its year; this year is to have none of its own.
  await api.prisma.ruleSet.deleteMany({ where: { year: YEAR } })
  admin = await api.login('wf-admin', FIXTURE_PASSWORD)
})

const SAVE = `mutation ($year: Int!, $version: Int!, $input: RuleSetInput!) {
  saveRuleSet(year: $year, version: $version, input: $input) {
    __typename ... on RuleSet { version } ... on AppError { message }
  }
}`
const rules = (over: Record<string, unknown> = {}) => ({
  ...STORED_DEFAULT_RULE_SET,
  baseThreshold: '99.00',
  redPoints: '2.00',
  annualComponents: [{ code: 'REPORT', name: '述职评议', weight: '0.30' }],
  ...over,
})

async function save(year: number, version: number, input: Record<string, unknown>) {
  const res = ok(await api.gql<any>(SAVE, { year, version, input }, admin)).saveRuleSet
  expect(res.__typename).toBe('RuleSet')
  return res
}

const file = (path: string) => api.fetch(path, {}, { cookie: admin })

/** Everything a published round shows, as a reader gets it through the API and the file routes. */
async function published(roundId: number) {
  const data = ok(
    await api.gql<any>(
      `query ($id: Int!) {
        round(id: $id) { publishedRules { year baseThreshold redPoints thresholdPoints annualComponents { code } } }
        assessments(roundId: $id) { org { code } baseScore totalScore rank listMark }
        performanceAdjustments(roundId: $id) { org { code } reason points month }
        interviews(roundId: $id) { org { code } }
        board { sections { categories { red { orgName reasonText } blue { orgName reasonText } } } }
      }`,
      { id: roundId },
      admin,
    ),
  )
  const notice = await (await file(`/files/notice/${roundId}.html`)).text()
  const adjustments = rowsOf(
    (await readXlsx(await file(`/files/export/adjustments.xlsx?roundId=${roundId}`))).worksheets[0]!,
  )
  return { ...data, notice, adjustments }
}

describe('a year without a rule set of its own', () => {
  it('inherits the latest earlier year’s set on every path, and a published round keeps what it was published with', async () => {
    await save(2040, 0, rules())
    const inherited = ok(
      await api.gql<any>(
        `{ ruleSet(year: ${YEAR}) { year stored baseThreshold redPoints annualComponents { code } } }`,
        {},
        admin,
      ),
    ).ruleSet
    expect(inherited).toEqual({
      year: YEAR,
      stored: false,
      baseThreshold: '99.00',
      redPoints: '2.00',
      annualComponents: [{ code: 'REPORT' }],
    })

    // A quarter of 2041, published through the API.
    const run = runner(api.prisma)
    const { roundId } = await planRound(run, fx, 1, YEAR)
    const findingIds = await inspect(run, api.prisma, fx, roundId)
    await reconcile(run, fx, roundId, findingIds)
    await resolveDisputes(run, fx, findingIds)
    const pub = ok(
      await api.gql<any>(
        `mutation ($id: Int!) { publishRound(id: $id) { __typename ... on AppError { message } } }`,
        { id: roundId },
        admin,
      ),
    ).publishRound
    expect(pub.__typename).toBe('InspectionRound')

    const before = await published(roundId)
    expect(before.round.publishedRules).toEqual({
      year: 2040,
      baseThreshold: '99.00',
      redPoints: '2.00',
      thresholdPoints: '-0.50',
      annualComponents: [{ code: 'REPORT' }],
    })
    // C1's base 98.00 is below 2040's 99.00 (not below the default 98): blue, −0.50, interviewed.
    const c1 = before.assessments.find((a: any) => a.org.code === 'C1')
    expect(c1).toMatchObject({ baseScore: '98.00', listMark: 'BLUE' })
    const adj = (code: string) =>
      before.performanceAdjustments.filter((a: any) => a.org.code === code).map((a: any) => [a.reason, a.points])
    expect(adj('C1')).toEqual([['BELOW_THRESHOLD', '-0.50']])
    // Red gets 2040's +2.00, not the default +1.50 (A1 and A2 tie for first).
    expect(adj('A1')).toEqual([['RED_LIST', '2.00']])
    expect(adj('A2')).toEqual([['RED_LIST', '2.00']])
    expect(before.interviews.map((i: any) => i.org.code)).toContain('C1')
    expect(before.notice).toContain('低于99分')
    expect(before.adjustments.some((r: unknown[]) => String(r.join('|')).includes('低于99分'))).toBe(true)

    // The annual component of the inherited set is known for 2041, and the export shows it.
    const set = ok(
      await api.gql<any>(
        `mutation ($org: Int!) { setAnnualComponentScore(year: ${YEAR}, orgId: $org, code: "REPORT", points: "90") {
          __typename ... on AppError { message } } }`,
        { org: fx.orgs.A1 },
        admin,
      ),
    ).setAnnualComponentScore
    expect(set.__typename).toBe('AnnualComponentScore')
    const computed = ok(
      await api.gql<any>(
        `mutation { computeAnnualResults(year: ${YEAR}) { __typename ... on MutationComputeAnnualResultsSuccess { data { org { code } componentsTotal total } } } }`,
        {},
        admin,
      ),
    ).computeAnnualResults
    // 101.00 × 0.40 + 90 × 0.30
    expect(computed.data.find((r: any) => r.org.code === 'A1')).toMatchObject({ componentsTotal: '27.00', total: '67.40' })
    const annual = (await readXlsx(await file(`/files/export/annual.xlsx?year=${YEAR}`))).worksheets[0]!
    expect(headerOf(annual)).toContain('述职评议（×30%）')

    // Later edits of the rules: 2040's own, and a set of 2041's own.
    await save(2040, 1, rules({ baseThreshold: '97.00', redPoints: '5.00', thresholdPoints: '-3.00' }))
    await save(YEAR, 0, rules({ baseThreshold: '96.00', redPoints: '4.00', annualComponents: [] }))
    const after = await published(roundId)
    expect(after).toEqual(before)
  })
})
