/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by shape here. */
/**
 * R6 — an inspector never inspects their own org — on every route that could break it, through
 * the GraphQL API: changing a user's org, adding a member to a team, assigning a team, starting
 * the round, and saving inputs (scores and findings). Each refusal is a ConflictOfInterestError
 * naming the person, the org and the round, and changes nothing.
 *
 * The plan (scenario.planRound): team 1 = wf-insp1 (home org A1) inspects every org but A1;
 * team 2 = wf-insp2 (no home org) inspects A1.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/password'
import { ok, useTestApi } from '../helpers'
import { buildFixture, FIXTURE_PASSWORD, type Fixture } from '../workflow/fixtures'
import { assessmentOf, planRound, runner, type PlannedRound } from '../workflow/scenario'

const api = useTestApi({ seed: 'none', config: { now: () => new Date('2026-03-10T02:00:00Z') } })
let fx: Fixture
let plan: PlannedRound
let hash: string | undefined
let admin: string
let roundName: string

beforeEach(async () => {
  hash ??= await hashPassword(FIXTURE_PASSWORD)
  fx = await buildFixture(api.prisma, { passwordHash: hash })
  plan = await planRound(runner(api.prisma), fx)
  roundName = (await api.prisma.inspectionRound.findUniqueOrThrow({ where: { id: plan.roundId } })).name
  admin = await api.login('wf-admin', FIXTURE_PASSWORD)
})

const CONFLICT = `__typename ... on ConflictOfInterestError { code message userId userName orgId orgName roundId roundName }`

function expectConflict(answer: any, user: string, org: 'A1' | 'A2' | 'A3') {
  expect(answer).toEqual({
    __typename: 'ConflictOfInterestError',
    code: 'BAD_USER_INPUT',
    message: `检查员“${user}用户”来自“${org}党支部”，不能在“${roundName}”中检查本单位党组织（回避原则）`,
    userId: fx.usernames[user],
    userName: `${user}用户`,
    orgId: fx.orgs[org],
    orgName: `${org}党支部`,
    roundId: plan.roundId,
    roundName,
  })
}

const assignments = () =>
  api.prisma.teamAssignment.findMany({ orderBy: { id: 'asc' }, select: { teamId: true, orgId: true } })

describe('R6 on every route', () => {
  it('updateUser: moving an inspector into an org their team inspects is refused', async () => {
    const before = await api.prisma.user.findUniqueOrThrow({ where: { id: fx.insp1.userId } })
    const res = ok(
      await api.gql<any>(
        `mutation ($id: Int!, $v: Int!, $org: Int!) { updateUser(id: $id, version: $v, input: { orgId: $org }) { ${CONFLICT} } }`,
        { id: before.id, v: before.version, org: fx.orgs.A2 },
        admin,
      ),
    ).updateUser
    expectConflict(res, 'wf-insp1', 'A2')
    expect(await api.prisma.user.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before)
    // A move to an org the team does not inspect (A1 is team 2's) is fine.
    const moved = ok(
      await api.gql<any>(
        `mutation ($id: Int!, $v: Int!, $org: Int!) { updateUser(id: $id, version: $v, input: { orgId: $org }) { __typename } }`,
        { id: before.id, v: before.version, org: fx.orgs.A1 },
        admin,
      ),
    ).updateUser
    expect(moved.__typename).toBe('User')
  })

  it('addTeamMember: an inspector whose org the team inspects cannot join it', async () => {
    const insp3 = await api.prisma.user.create({
      data: { username: 'wf-insp3', displayName: 'wf-insp3用户', role: 'INSPECTOR', orgId: fx.orgs.A3, passwordHash: 'x' },
    })
    fx.usernames['wf-insp3'] = insp3.id
    const res = ok(
      await api.gql<any>(
        `mutation ($team: Int!, $user: Int!) { addTeamMember(teamId: $team, userId: $user) { ${CONFLICT} } }`,
        { team: plan.team1, user: insp3.id },
        admin,
      ),
    ).addTeamMember
    expectConflict(res, 'wf-insp3', 'A3')
    expect(await api.prisma.teamMember.count({ where: { userId: insp3.id } })).toBe(0)
  })

  it('assignTeam: a team cannot be assigned to a member’s own org', async () => {
    const before = await assignments()
    const res = ok(
      await api.gql<any>(
        `mutation ($round: Int!, $team: Int!, $org: Int!) { assignTeam(roundId: $round, teamId: $team, orgId: $org) { ${CONFLICT} } }`,
        { round: plan.roundId, team: plan.team1, org: fx.orgs.A1 },
        admin,
      ),
    ).assignTeam
    expectConflict(res, 'wf-insp1', 'A1')
    expect(await assignments()).toEqual(before)
  })

  it('starting the round checks again: a conflict that got in by any way stops the start', async () => {
    // As if an older version or a direct data fix had moved wf-insp2 into A1, team 2's org.
    await api.prisma.user.update({ where: { id: fx.insp2.userId }, data: { orgId: fx.orgs.A1 } })
    const res = ok(
      await api.gql<any>(
        `mutation ($id: Int!) { transitionRound(id: $id, to: INSPECTING) { ${CONFLICT} } }`,
        { id: plan.roundId },
        admin,
      ),
    ).transitionRound
    expectConflict(res, 'wf-insp2', 'A1')
    const round = await api.prisma.inspectionRound.findUniqueOrThrow({ where: { id: plan.roundId } })
    expect(round.status).toBe('PLANNING')
    expect(await api.prisma.assessment.count({ where: { roundId: plan.roundId } })).toBe(0)
  })

  it('saving inputs checks again: an inspector now of the org cannot score it or record findings', async () => {
    const started = ok(
      await api.gql<any>(`mutation ($id: Int!) { transitionRound(id: $id, to: INSPECTING) { __typename } }`, { id: plan.roundId }, admin),
    ).transitionRound
    expect(started.__typename).toBe('InspectionRound')
    await api.prisma.user.update({ where: { id: fx.insp2.userId }, data: { orgId: fx.orgs.A1 } })
    const inspector = await api.login('wf-insp2', FIXTURE_PASSWORD)
    const assessment = await assessmentOf(api.prisma, plan.roundId, fx.orgs.A1)
    const saved = ok(
      await api.gql<any>(
        `mutation ($id: Int!, $v: Int!, $inputs: [IndicatorInputValue!]!) { saveAssessmentInputs(assessmentId: $id, version: $v, inputs: $inputs) { ${CONFLICT} } }`,
        { id: assessment.id, v: assessment.version, inputs: [{ indicatorId: fx.schemes.I.i2, ratingLevel: '好' }] },
        inspector,
      ),
    ).saveAssessmentInputs
    expectConflict(saved, 'wf-insp2', 'A1')
    const finding = ok(
      await api.gql<any>(
        `mutation ($id: Int!, $input: FindingInput!) { createFinding(assessmentId: $id, input: $input) { ${CONFLICT} } }`,
        {
          id: assessment.id,
          input: { indicatorId: fx.schemes.I.i1, problemCategoryId: fx.problemCategories[0], description: '记录不全', checkMethod: 'DOCUMENT_REVIEW' },
        },
        inspector,
      ),
    ).createFinding
    expectConflict(finding, 'wf-insp2', 'A1')
    expect(await api.prisma.indicatorInput.count({ where: { assessmentId: assessment.id } })).toBe(0)
    expect(await api.prisma.finding.count({ where: { assessmentId: assessment.id } })).toBe(0)
  })
})
