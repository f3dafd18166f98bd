import type { ListMark, OrgCategory } from '@/generated/graphql'

export interface ListedAssessment {
  orgId: number
  areaId: number
  category: OrgCategory
  listMark?: ListMark | null
  baseScore?: string | null
  org: { id: number; name: string; sortOrder: number }
  area: { id: number; name: string; sortOrder: number }
}

export interface InterviewLike {
  id: number
  orgId: number
  areaId: number
  date?: string | null
  items: readonly unknown[]
}

/** Why an org is on the list: the round's blue list (last of I/II, or III under the threshold), or added by an admin. */
export type InterviewReason = 'BLUE_LIST' | 'BELOW_THRESHOLD' | 'EXTRA'
export type InterviewState = 'MISSING' | 'PENDING' | 'DONE'

export interface InterviewRow<I extends InterviewLike> {
  key: string
  orgId: number
  orgName: string
  areaId: number
  areaName: string
  category: OrgCategory | null
  baseScore: string | null
  reason: InterviewReason
  interview: I | null
  state: InterviewState
}

/**
 * 清单式约谈 (R9): every blue mark of the round's own published lists must be interviewed. The
 * marks are read from the round (never recomputed here), so a later rule change cannot move an
 * org on or off a published round's list. Category III blue marks come from the base-score
 * threshold; the others from last place. Interviews an admin added beyond the list are kept as
 * EXTRA. An interview is DONE once its date is recorded, PENDING while it is an empty record.
 */
export function interviewRows<I extends InterviewLike>(
  assessments: readonly ListedAssessment[],
  interviews: readonly I[],
): InterviewRow<I>[] {
  const keyOf = (orgId: number, areaId: number) => `${areaId}:${orgId}`
  const byKey = new Map(interviews.map((i) => [keyOf(i.orgId, i.areaId), i]))
  const rows: (InterviewRow<I> & { areaOrder: number; orgOrder: number })[] = []
  const listed = new Set<string>()
  for (const a of assessments) {
    if (a.listMark !== 'BLUE') continue
    const key = keyOf(a.orgId, a.areaId)
    listed.add(key)
    const interview = byKey.get(key) ?? null
    rows.push({
      key,
      orgId: a.orgId,
      orgName: a.org.name,
      areaId: a.areaId,
      areaName: a.area.name,
      category: a.category,
      baseScore: a.baseScore ?? null,
      reason: a.category === 'III' ? 'BELOW_THRESHOLD' : 'BLUE_LIST',
      interview,
      state: stateOf(interview),
      areaOrder: a.area.sortOrder,
      orgOrder: a.org.sortOrder,
    })
  }
  const assessed = new Map(assessments.map((a) => [keyOf(a.orgId, a.areaId), a]))
  for (const interview of interviews) {
    const key = keyOf(interview.orgId, interview.areaId)
    if (listed.has(key)) continue
    const a = assessed.get(key)
    const named = interview as unknown as { org?: { name: string }; area?: { name: string } }
    rows.push({
      key,
      orgId: interview.orgId,
      orgName: a?.org.name ?? named.org?.name ?? String(interview.orgId),
      areaId: interview.areaId,
      areaName: a?.area.name ?? named.area?.name ?? String(interview.areaId),
      category: a?.category ?? null,
      baseScore: a?.baseScore ?? null,
      reason: 'EXTRA',
      interview,
      state: stateOf(interview),
      areaOrder: a?.area.sortOrder ?? 999,
      orgOrder: a?.org.sortOrder ?? 999,
    })
  }
  const categoryOrder = { I: 0, II: 1, III: 2 } as const
  return rows
    .sort(
      (x, y) =>
        x.areaOrder - y.areaOrder ||
        (x.reason === 'EXTRA' ? 1 : 0) - (y.reason === 'EXTRA' ? 1 : 0) ||
        (x.category ? categoryOrder[x.category] : 9) - (y.category ? categoryOrder[y.category] : 9) ||
        x.orgOrder - y.orgOrder,
    )
    .map(({ areaOrder: _a, orgOrder: _o, ...row }) => row)
}

function stateOf(interview: InterviewLike | null): InterviewState {
  if (!interview) return 'MISSING'
  return interview.date ? 'DONE' : 'PENDING'
}

export function progressOf(rows: readonly { state: InterviewState; reason: InterviewReason }[]) {
  const required = rows.filter((r) => r.reason !== 'EXTRA')
  return { required: required.length, done: required.filter((r) => r.state === 'DONE').length }
}

export interface ItemDraft {
  content: string
  measure: string
  responsiblePerson: string
  deadline: string | null
}

export type ItemProblem = 'contentRequired' | 'deadlinePast'

/** A new list item needs its content; a deadline, when given, is not in the past (China date). */
export function itemProblems(draft: ItemDraft, today: string): Partial<Record<keyof ItemDraft, ItemProblem>> {
  const problems: Partial<Record<keyof ItemDraft, ItemProblem>> = {}
  if (draft.content.trim() === '') problems.content = 'contentRequired'
  if (draft.deadline && draft.deadline < today) problems.deadline = 'deadlinePast'
  return problems
}
