/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by shape here. */
/**
 * R1: an indicator restricted to the other unit type does not apply, so an input for it is refused
 * with a typed error (ValidationError, problem code NOT_APPLICABLE) and nothing is written; and no
 * field reports points that do not count — the drill-down shows no bonusPoints beside
 * applicable: false. All fixture orgs are GRASSROOTS; category II's bonus indicator i3 is made
 * HEADQUARTERS-only.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/password'
import * as wf from '../../src/services/workflow'
import { ok, useTestApi } from '../helpers'
import { buildFixture, FIXTURE_PASSWORD, type Fixture } from '../workflow/fixtures'
import {
  assessmentOf,
  inspect,
  planRound,
  publish,
  reconcile,
  resolveDisputes,
  runner,
} from '../workflow/scenario'

const api = useTestApi({ seed: 'none', config: { now: () => new Date('2026-03-10T02:00:00Z') } })
let fx: Fixture
let hash: string | undefined

beforeEach(async () => {
  hash ??= await hashPassword(FIXTURE_PASSWORD)
  fx = await buildFixture(api.prisma, { passwordHash: hash })
  await api.prisma.indicator.update({
    where: { id: fx.schemes.II.i3 },
    data: { unitTypeRestriction: 'HEADQUARTERS' },
  })
})

const SAVE = `mutation ($id: Int!, $v: Int!, $inputs: [IndicatorInputValue!]!) {
  saveAssessmentInputs(assessmentId: $id, version: $v, inputs: $inputs) {
    __typename
    ... on ValidationError { message problems { path code message } }
  }
}`

describe('an indicator that does not apply to the org', () => {
  it('refuses an input for it with a typed error, and writes nothing', async () => {
    const run = runner(api.prisma)
    const { roundId } = await planRound(run, fx)
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' }))
    const inspector = await api.login('wf-insp1', FIXTURE_PASSWORD)
    const b1 = await assessmentOf(api.prisma, roundId, fx.orgs.B1)
    const refused = ok(
      await api.gql<any>(
        SAVE,
        {
          id: b1.id,
          v: b1.version,
          inputs: [
            { indicatorId: fx.schemes.II.i2, ratingLevel: '好' },
            { indicatorId: fx.schemes.II.i3, bonusPoints: '2.00' },
          ],
        },
        inspector,
      ),
    ).saveAssessmentInputs
    expect(refused).toEqual({
      __typename: 'ValidationError',
      message: '评分输入有误',
      problems: [
        {
          path: ['inputs', '1', 'indicatorId'],
          code: 'NOT_APPLICABLE',
          message: '“党建+工程”不适用于基层单位党组织，不能录入',
        },
      ],
    })
    expect(await api.prisma.indicatorInput.count({ where: { assessmentId: b1.id } })).toBe(0)
    expect((await api.prisma.assessment.findUniqueOrThrow({ where: { id: b1.id } })).version).toBe(b1.version)
    // The applicable input alone, and an empty (clearing) change of the other, are accepted.
    const saved = ok(
      await api.gql<any>(
        SAVE,
        {
          id: b1.id,
          v: b1.version,
          inputs: [
            { indicatorId: fx.schemes.II.i2, ratingLevel: '好' },
            { indicatorId: fx.schemes.II.i3, bonusPoints: null },
          ],
        },
        inspector,
      ),
    ).saveAssessmentInputs
    expect(saved.__typename).toBe('Assessment')
  })

  it('refuses a finding on an indicator that does not apply', async () => {
    await api.prisma.indicator.update({
      where: { id: fx.schemes.III.i1 },
      data: { unitTypeRestriction: 'HEADQUARTERS' },
    })
    const run = runner(api.prisma)
    const { roundId } = await planRound(run, fx)
    await run((tx) => wf.transitionRound(tx, fx.admin, { roundId, to: 'INSPECTING' }))
    const inspector = await api.login('wf-insp1', FIXTURE_PASSWORD)
    const c1 = await assessmentOf(api.prisma, roundId, fx.orgs.C1)
    const res = ok(
      await api.gql<any>(
        `mutation ($id: Int!, $input: FindingInput!) { createFinding(assessmentId: $id, input: $input) {
          __typename ... on ValidationError { problems { code } } } }`,
        {
          id: c1.id,
          input: {
            indicatorId: fx.schemes.III.i1,
            problemCategoryId: fx.problemCategories[0],
            description: '记录不全',
            deduction: '2.00',
            checkMethod: 'DOCUMENT_REVIEW',
          },
        },
        inspector,
      ),
    ).createFinding
    expect(res).toEqual({ __typename: 'ValidationError', problems: [{ code: 'NOT_APPLICABLE' }] })
    expect(await api.prisma.finding.count({ where: { assessmentId: c1.id } })).toBe(0)
  })

  it('the drill-down reports no input beside applicable: false (an input stored before the refusal)', async () => {
    const run = runner(api.prisma)
    const { roundId } = await planRound(run, fx)
    const findingIds = await inspect(run, api.prisma, fx, roundId)
    const b1 = await assessmentOf(api.prisma, roundId, fx.orgs.B1)
    // As an older version accepted it silently.
    await api.prisma.indicatorInput.upsert({
      where: { assessmentId_indicatorId: { assessmentId: b1.id, indicatorId: fx.schemes.II.i3 } },
      create: { assessmentId: b1.id, indicatorId: fx.schemes.II.i3, bonusPoints: '2.00' },
      update: { bonusPoints: '2.00' },
    })
    await reconcile(run, fx, roundId, findingIds)
    await resolveDisputes(run, fx, findingIds)
    await publish(run, fx, roundId)
    const leader = await api.login('wf-leader', FIXTURE_PASSWORD)
    const drill = ok(
      await api.gql<any>(
        `query ($id: Int!) { assessmentDrilldown(assessmentId: $id) { bonus total
          indicators { code applicable points bonusPoints ratingLevel quantityValue } } }`,
        { id: b1.id },
        leader,
      ),
    ).assessmentDrilldown
    expect(drill.bonus).toBe('0.00')
    expect(drill.indicators.find((i: any) => i.code === 'i3')).toEqual({
      code: 'i3',
      applicable: false,
      points: '0.00',
      bonusPoints: null,
      ratingLevel: null,
      quantityValue: null,
    })
  })
})
