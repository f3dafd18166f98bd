/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by shape here. */
/**
 * A finding's description is bounded like the other free texts an org reads: one over the limit is
 * refused on create and on update with a typed problem at the description, and nothing is written.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/password'
import * as wf from '../../src/services/workflow'
import { FINDING_DESCRIPTION_MAX_CHARS } from '../../src/services/workflow/findings'
import { ok, useTestApi } from '../helpers'
import { buildFixture, FIXTURE_PASSWORD, type Fixture } from './fixtures'
import { assessmentOf, planRound, runner } from './scenario'

const api = useTestApi({ seed: 'none', config: { now: () => new Date('2026-03-10T02:00:00Z') } })
let fx: Fixture
let hash: string | undefined

beforeEach(async () => {
  hash ??= await hashPassword(FIXTURE_PASSWORD)
  fx = await buildFixture(api.prisma, { passwordHash: hash })
})

const PROBLEM = `__typename
  ... on Finding { id version description }
  ... on ValidationError { message problems { path code message } }`
const CREATE = `mutation ($id: Int!, $input: FindingInput!) { createFinding(assessmentId: $id, input: $input) { ${PROBLEM} } }`
const UPDATE = `mutation ($id: Int!, $v: Int!, $input: FindingPatch!) { updateFinding(id: $id, version: $v, input: $input) { ${PROBLEM} } }`

const TOO_LONG = {
  __typename: 'ValidationError',
  message: '问题描述不超过 2000 字',
  problems: [{ path: ['input', 'description'], code: 'too_big', message: '问题描述不超过 2000 字' }],
}

async function inspecting() {
  const run = runner(api.prisma)
  const { roundId } = await planRound(run, fx)
  await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' }))
  const inspector = await api.login('wf-insp1', FIXTURE_PASSWORD)
  const c1 = await assessmentOf(api.prisma, roundId, fx.orgs.C1)
  const input = (description: string) => ({
    indicatorId: fx.schemes.III.i1,
    problemCategoryId: fx.problemCategories[0],
    description,
    deduction: '1.00',
    checkMethod: 'DOCUMENT_REVIEW',
  })
  return { inspector, c1, input }
}

describe('a finding’s description', () => {
  it('is refused on create when longer than the limit, and accepted at the limit', async () => {
    const { inspector, c1, input } = await inspecting()
    const refused = ok(
      await api.gql<any>(CREATE, { id: c1.id, input: input('长'.repeat(FINDING_DESCRIPTION_MAX_CHARS + 1)) }, inspector),
    ).createFinding
    expect(refused).toEqual(TOO_LONG)
    expect(await api.prisma.finding.count({ where: { assessmentId: c1.id } })).toBe(0)

    const atLimit = '长'.repeat(FINDING_DESCRIPTION_MAX_CHARS)
    const saved = ok(await api.gql<any>(CREATE, { id: c1.id, input: input(atLimit) }, inspector)).createFinding
    expect(saved).toMatchObject({ __typename: 'Finding', description: atLimit })
  })

  it('is refused on update when longer than the limit, leaving the finding as it was', async () => {
    const { inspector, c1, input } = await inspecting()
    const created = ok(await api.gql<any>(CREATE, { id: c1.id, input: input('记录不全') }, inspector)).createFinding
    const refused = ok(
      await api.gql<any>(
        UPDATE,
        { id: created.id, v: created.version, input: { description: '长'.repeat(6000) } },
        inspector,
      ),
    ).updateFinding
    expect(refused).toEqual(TOO_LONG)
    const stored = await api.prisma.finding.findUniqueOrThrow({ where: { id: created.id } })
    expect({ description: stored.description, version: stored.version }).toEqual({ description: '记录不全', version: created.version })
  })
})
