/** The notice register fields and the API's limits for them (services/notice). */
export const NOTICE_LIMITS = { docNo: 100, title: 200, issuedBy: 100 } as const
export type NoticeTextField = keyof typeof NOTICE_LIMITS

export interface NoticeDraft {
  docNo: string
  title: string
  issuedBy: string
  /** Date of issue, YYYY-MM-DD (China). */
  issuedOn: string | null
}

export type NoticeProblem = 'required' | 'tooLong'

/** Each text field is required and within its limit; the date of issue is required. */
export function noticeProblems(draft: NoticeDraft): Partial<Record<keyof NoticeDraft, NoticeProblem>> {
  const problems: Partial<Record<keyof NoticeDraft, NoticeProblem>> = {}
  for (const key of Object.keys(NOTICE_LIMITS) as NoticeTextField[]) {
    const value = draft[key].trim()
    if (value === '') problems[key] = 'required'
    else if ([...value].length > NOTICE_LIMITS[key]) problems[key] = 'tooLong'
  }
  if (!draft.issuedOn) problems.issuedOn = 'required'
  return problems
}

/** A China calendar day as the instant the API stores (noon there, so no zone can move the day). */
export function issuedAtOf(day: string): string {
  return `${day}T12:00:00+08:00`
}

/** The China calendar day of a stored instant. */
export function dayOf(instant: string): string {
  const shifted = new Date(new Date(instant).getTime() + 8 * 3600_000)
  return shifted.toISOString().slice(0, 10)
}

/** Only the fields that changed are sent (the API keeps the others). */
export function noticeInput(draft: NoticeDraft, saved: { docNo: string; title: string; issuedBy: string; issuedAt: string } | null) {
  const input: { docNo?: string; title?: string; issuedBy?: string; issuedAt?: string } = {}
  for (const key of Object.keys(NOTICE_LIMITS) as NoticeTextField[]) {
    const value = draft[key].trim()
    if (!saved || saved[key] !== value) input[key] = value
  }
  if (draft.issuedOn && (!saved || dayOf(saved.issuedAt) !== draft.issuedOn)) input.issuedAt = issuedAtOf(draft.issuedOn)
  return input
}
