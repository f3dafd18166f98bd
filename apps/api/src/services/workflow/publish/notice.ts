import type { InspectionRound } from '@redblue/db'
import type { Tx } from '../types'

/** What the admin may set on the 通报 when publishing; each is defaulted from the round. */
export interface NoticeInput {
  docNo?: string | null
  title?: string | null
  issuedBy?: string | null
}

/** The round's 通报 (notice of results), issued at publication. */
export async function issueNotice(tx: Tx, round: InspectionRound, input: NoticeInput, now: Date) {
  await tx.notice.create({
    data: {
      roundId: round.id,
      docNo: input.docNo?.trim() || `${round.year}年第${round.quarter}季度`,
      title:
        input.title?.trim() ||
        `关于${round.year}年第${round.quarter}季度党建工作“红蓝榜”考评结果的通报`,
      issuedBy: input.issuedBy?.trim() || '公司党委',
      issuedAt: now,
    },
  })
}
