import type { RoundStatus } from '@/generated/graphql'
import { isPublished } from '@redblue/scoring'

/** The API's limit on a round's name (services/workflow/rounds.ts): one line on the round page. */
export const ROUND_NAME_MAX = 50

/** R6: a round moves one way through these states. */
export const ROUND_FLOW: readonly RoundStatus[] = ['PLANNING', 'INSPECTING', 'RECONCILING', 'PUBLISHED', 'CLOSED']

export function nextStatus(status: RoundStatus): RoundStatus | null {
  const i = ROUND_FLOW.indexOf(status)
  return i >= 0 ? (ROUND_FLOW[i + 1] ?? null) : null
}

/** Teams, members and assignments can change only before the inspection starts. */
export const isPlanning = (status: RoundStatus) => status === 'PLANNING'

/** Whether a step of the flow is done, current or still ahead (for the steps display). */
export function stepState(status: RoundStatus, step: RoundStatus): 'finish' | 'process' | 'wait' {
  const current = ROUND_FLOW.indexOf(status)
  const index = ROUND_FLOW.indexOf(step)
  return index < current ? 'finish' : index === current ? 'process' : 'wait'
}

/** The notice (通报) exists once results are published, and stays after the round closes. */
export const hasNotice = (status: RoundStatus) => isPublished(status)

/** Where the API serves a round's notice: Word download and the print view. */
export function noticeUrls(roundId: number) {
  return { docx: `/files/notice/${roundId}.docx`, html: `/files/notice/${roundId}.html` }
}
