/**
 * The notice's 问题分析 (R13) on the demo data: generated from the round's insights, read back from
 * the real .docx and the print view; the administrator's edit replaces it (and "" restores it).
 */
import { insightSentence, type Insight } from '@redblue/scoring'
import { describe, expect, it } from 'vitest'
import { ok, useTestApi } from '../helpers'
import { readDocx } from './docx'

const api = useTestApi({ reset: 'file' })

async function latestRound() {
  return api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: [{ year: 'desc' }, { quarter: 'desc' }] })
}

/** The paragraphs between the 问题分析 heading and the next section's. */
function section(paragraphs: string[]): string[] {
  const start = paragraphs.indexOf('五、问题分析')
  const end = paragraphs.indexOf('六、整改要求')
  expect(start).toBeGreaterThan(-1)
  expect(end).toBeGreaterThan(start)
  return paragraphs.slice(start + 1, end)
}

async function docxParagraphs(roundId: number) {
  const res = await api.fetch(`/files/notice/${roundId}.docx`, {}, { cookie: await api.login('admin') })
  expect(res.status).toBe(200)
  return readDocx(Buffer.from(await res.arrayBuffer())).paragraphs
}

const SAVE = `mutation ($roundId: Int!, $input: NoticeInput!) {
  saveNotice(roundId: $roundId, input: $input) { __typename ... on ValidationError { message } } }`
const DRAFT = `query ($r: Int!) { noticeAnalysis(roundId: $r) { paragraphs edited generated } }`

describe('问题分析 in the notice', () => {
  it('is generated from the same insights the dashboard shows', async () => {
    const round = await latestRound()
    const paragraphs = section(await docxParagraphs(round.id))
    expect(paragraphs.length).toBeGreaterThan(3)
    const area = await api.prisma.area.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } })
    const stored = await api.prisma.roundInsight.findUniqueOrThrow({ where: { roundId_areaId: { roundId: round.id, areaId: area.id } } })
    const items = stored.items as unknown as Insight[]
    const text = paragraphs.join('\n')
    // The rising problem categories, the declines and the weak dimensions, sentence for sentence.
    for (const x of items.filter((i) => (i.kind === 'PROBLEM_CONCENTRATION' && i.severity === 'WARNING') || i.kind === 'DECLINING_ORG' || i.kind === 'WEAK_DIMENSION')) {
      expect(text).toContain(insightSentence(x))
    }
    // Repeats after close-out are counted, never named: the notice goes to every branch.
    const repeats = items.filter((i) => i.kind === 'REPEAT_AFTER_VERIFICATION')
    expect(text).toContain(`${repeats.length} 类问题在整改销号后再次被查出`)
    for (const x of repeats) expect(text).not.toContain(insightSentence(x))
    expect(text).not.toContain('检查组对')

    const leader = await api.login('leader')
    const draft = ok(await api.gql<{ noticeAnalysis: { paragraphs: string[]; edited: boolean; generated: string[] } }>(DRAFT, { r: round.id }, leader))
    expect(draft.noticeAnalysis).toMatchObject({ edited: false, paragraphs })
    const html = await (await api.fetch(`/files/notice/${round.id}.html`, {}, { cookie: leader })).text()
    expect(html).toContain('<h2>五、问题分析</h2>')
    expect(html).toContain(paragraphs[0]!.slice(0, 20))
  })

  it('takes the administrator’s edited text, and goes back to the generated one on ""', async () => {
    const round = await latestRound()
    const admin = await api.login('admin')
    const edited = '本轮问题主要集中在组织生活方面。\n\n各支部要对照问题清单逐项整改。'
    expect(ok(await api.gql(SAVE, { roundId: round.id, input: { analysis: edited } }, admin)).saveNotice.__typename).toBe('Notice')
    expect(section(await docxParagraphs(round.id))).toEqual(['本轮问题主要集中在组织生活方面。', '各支部要对照问题清单逐项整改。'])
    const draft = ok(await api.gql<{ noticeAnalysis: { edited: boolean; generated: string[] } }>(DRAFT, { r: round.id }, admin)).noticeAnalysis
    expect(draft.edited).toBe(true)
    // Saving other fields keeps the edit; "" restores the generated text.
    ok(await api.gql(SAVE, { roundId: round.id, input: { docNo: '党建〔2026〕7号' } }, admin))
    expect(section(await docxParagraphs(round.id))[0]).toBe('本轮问题主要集中在组织生活方面。')
    ok(await api.gql(SAVE, { roundId: round.id, input: { analysis: '' } }, admin))
    expect(section(await docxParagraphs(round.id))).toEqual(draft.generated)
    const tooLong = ok(await api.gql(SAVE, { roundId: round.id, input: { analysis: 'x'.repeat(10_001) } }, admin)).saveNotice
    expect(tooLong.__typename).toBe('ValidationError')
  })
})
