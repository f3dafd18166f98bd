import { parse, type ExecutionArgs } from 'graphql'
import { describe, expect, it } from 'vitest'
import { jitEligible } from '../src/jit'
import { schema } from '../src/schema'

/**
 * Which requests run on graphql-jit: only queries whose root fields are all the long analytics
 * reads, with valid variables. Everything else must stay on graphql-js, where variable errors are
 * typed BAD_USER_INPUT and the Prisma plugin's statement counts are the ones the tests assert.
 */
function eligible(
  document: string,
  variableValues: Record<string, unknown> = {},
  operationName?: string,
) {
  const args: ExecutionArgs = { schema, document: parse(document), variableValues, operationName }
  return jitEligible(args)
}

const RANKING = `query R($roundId: Int!, $areaId: Int!, $category: OrgCategory!) {
  categoryRanking(roundId: $roundId, areaId: $areaId, category: $category) { rows { orgId total } } }`
const TRENDS = `query T($areaId: Int!) { analyticsTrends(areaId: $areaId) { roundIds } }`

describe('jitEligible', () => {
  it('takes rankings and trends with valid variables, alone or together', () => {
    expect(eligible(RANKING, { roundId: 1, areaId: 1, category: 'II' })).toBe(true)
    expect(eligible(TRENDS, { areaId: 1 })).toBe(true)
    expect(
      eligible(
        `{ __typename a: analyticsTrends(areaId: 1) { roundIds } b: analyticsTrends(areaId: 2) { roundIds } }`,
      ),
    ).toBe(true)
  })

  it('leaves invalid variables to graphql-js (typed BAD_USER_INPUT there)', () => {
    expect(eligible(RANKING, { roundId: 'x', areaId: 1, category: 'II' })).toBe(false)
    expect(eligible(RANKING, { roundId: 1, areaId: 1, category: 'IV' })).toBe(false)
    expect(eligible(RANKING, { areaId: 1, category: 'II' })).toBe(false)
  })

  it('leaves every other document to graphql-js', () => {
    expect(
      eligible(`{ categoryRanking(roundId: 1, areaId: 1, category: II) { roundId } me { id } }`),
    ).toBe(false)
    expect(eligible(`{ me { id } }`)).toBe(false)
    expect(eligible(`mutation { logout }`)).toBe(false)
    expect(
      eligible(`{ ...F } fragment F on Query { analyticsTrends(areaId: 1) { roundIds } }`),
    ).toBe(false)
    // The operation actually executed decides, not the first one in the document.
    expect(
      eligible(
        `query A { me { id } } query B { analyticsTrends(areaId: 1) { roundIds } }`,
        {},
        'A',
      ),
    ).toBe(false)
    expect(
      eligible(
        `query A { me { id } } query B { analyticsTrends(areaId: 1) { roundIds } }`,
        {},
        'B',
      ),
    ).toBe(true)
  })
})
