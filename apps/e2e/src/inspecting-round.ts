import type { ApiSession } from './api'
import { CURRENT_ROUND } from './demo'

interface Round {
  id: number
  name: string
  year: number
  quarter: number
  status: string
}

/**
 * An INSPECTING round in which inspector1 inspects orgs, for journeys that work during inspection
 * after the demo's quarter was published. Setting a round up (teams, the teams × orgs matrix) is
 * the planning journey's subject, not theirs, so it goes through the API: the first free quarter
 * of the demo's year, one area, inspector1's team inspecting every org but its own (inspector2's
 * team takes that one, R6's conflict of interest). An INSPECTING round already there is reused.
 */
export async function inspectingRound(admin: ApiSession): Promise<Round> {
  const { rounds } = await admin.request<{ rounds: Round[] }>(`{ rounds { id name year quarter status } }`)
  const open = rounds.find((r) => r.status === 'INSPECTING')
  if (open) return open
  const year = CURRENT_ROUND.year
  const quarter = [1, 2, 3, 4].find((q) => !rounds.some((r) => r.year === year && r.quarter === q))
  if (!quarter) throw new Error(`No free quarter in ${year} for an inspecting round`)
  const { areas, users, orgs } = await admin.request<{
    areas: { id: number; sortOrder: number }[]
    users: { id: number; username: string; org: { id: number } | null }[]
    orgs: { id: number; category: string | null }[]
  }>(
    `query ($year: Int!) { areas { id sortOrder } users(role: INSPECTOR) { id username org { id } }
       orgs(assessedOnly: true) { id category(year: $year) } }`,
    { year },
  )
  const area = [...areas].sort((a, b) => a.sortOrder - b.sortOrder)[0]
  if (!area) throw new Error('the seed has no area to inspect')
  const round = await admin.mutate<Round & { __typename: string }>(
    'createRound',
    'InspectionRound',
    `mutation ($input: CreateRoundInput!) { createRound(input: $input) {
       __typename ... on InspectionRound { id name year quarter status } ... on AppError { message } } }`,
    { input: { year, quarter, areaIds: [area.id] } },
  )
  const inspector = (name: string) => {
    const user = users.find((u) => u.username === name)
    if (!user) throw new Error(`the seed has no inspector ${name}`)
    return user
  }
  const team = async (name: string, username: string) => {
    const created = await admin.mutate<{ __typename: string; id: number }>(
      'createTeam',
      'InspectionTeam',
      `mutation ($name: String!, $roundId: Int!) { createTeam(name: $name, roundId: $roundId) {
         __typename ... on InspectionTeam { id } ... on AppError { message } } }`,
      { name, roundId: round.id },
    )
    await admin.mutate(
      'addTeamMember',
      'InspectionTeam',
      `mutation ($teamId: Int!, $userId: Int!) { addTeamMember(teamId: $teamId, userId: $userId, isLeader: true) {
         __typename ... on AppError { message } } }`,
      { teamId: created.id, userId: inspector(username).id },
    )
    return created.id
  }
  const first = await team('第一检查组', 'inspector1')
  const second = await team('第二检查组', 'inspector2')
  const ownOrg = inspector('inspector1').org?.id
  for (const org of orgs.filter((o) => o.category)) {
    await admin.mutate(
      'assignTeam',
      'TeamAssignment',
      `mutation ($orgId: Int!, $roundId: Int!, $teamId: Int!) { assignTeam(orgId: $orgId, roundId: $roundId, teamId: $teamId) {
         __typename ... on AppError { message } } }`,
      { orgId: org.id, roundId: round.id, teamId: org.id === ownOrg ? second : first },
    )
  }
  await admin.mutate(
    'transitionRound',
    'InspectionRound',
    `mutation ($id: Int!) { transitionRound(id: $id, to: INSPECTING) { __typename ... on AppError { message } } }`,
    { id: round.id },
  )
  return { ...round, status: 'INSPECTING' }
}
