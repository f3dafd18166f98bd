/**
 * The 通报 of a published demo round: the Word file is opened (word/document.xml) and checked for
 * the official-document parts and the round's real numbers; the print view carries the same; only
 * ADMIN and LEADER may download; the register entry is edited through `saveNotice` and audited.
 */
import { CATEGORY_LABELS } from '../../src/services/board'
import { anonymise, loadNoticeData, NOTICE_TITLE } from '../../src/services/notice/data'
import { describe, expect, it } from 'vitest'
import { errorCode, ok, useTestApi } from '../helpers'
import { docxTables, readDocx } from './docx'

const api = useTestApi({ reset: 'file' })

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function latestRound() {
  return api.prisma.inspectionRound.findFirstOrThrow({
    where: { status: 'PUBLISHED' },
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }],
    include: { notice: true },
  })
}

async function download(path: string, user: string | null) {
  return api.fetch(path, {}, { cookie: user ? await api.login(user) : null })
}

const dateZh = (d: string) => {
  const [y, m, day] = d.split('-').map(Number)
  return `${y}年${m}月${day}日`
}

describe('notice as a Word document', () => {
  it('has the official-document parts and the round’s results', async () => {
    const round = await latestRound()
    const res = await download(`/files/notice/${round.id}.docx`, 'admin')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(DOCX)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.docx"; filename\*=UTF-8''.+%E9%80%9A%E6%8A%A5\.docx$/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const { xml, paragraphs, footer, text } = readDocx(Buffer.from(await res.arrayBuffer()))
    const data = await loadNoticeData(api.prisma, round.id, new Date())

    // Header: issuing body in red, document number, red rule, title, addressee.
    expect(paragraphs).toContain(`${data.notice.issuedBy}文件`)
    expect(xml.includes('<w:color w:val="C00000"/>')).toBe(true)
    expect(paragraphs).toContain(data.notice.docNo)
    expect(paragraphs).toContain(data.notice.title)
    expect(paragraphs).toContain('各党（总）支部：')
    expect(xml).toContain('方正小标宋简体')
    expect(xml).toContain('仿宋_GB2312')
    // A4 with 37/35/28/26 mm margins, page numbers in the footer.
    expect(/<w:pgSz w:w="11906" w:h="16838"/.test(xml)).toBe(true)
    expect(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/.test(xml)).toBe(true)
    expect(/<w:instrText[^>]*>PAGE<\/w:instrText>/.test(footer)).toBe(true)

    // Summary with the round's figures.
    const forms = await api.prisma.feedbackForm.count({ where: { roundId: round.id } })
    const standing = await api.prisma.finding.count({
      where: { roundId: round.id, reconciliationStatus: { in: ['CONFIRMED', 'UPHELD'] } },
    })
    expect(text).toContain(`下发现场反馈表${forms}份`)
    expect(text).toMatch(new RegExp(`发现问题\\d+类${standing}条`))

    // Section headings in order.
    const headings = ['一、考核评价排名情况', '二、“红蓝榜”情况', '三、月度绩效加减分', '四、发现问题情况', '五、问题分析', '六、整改要求']
    const positions = headings.map((h) => paragraphs.indexOf(h))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)

    // Ranking tables: the first-placed org of category I in the first area, with its frozen scores.
    const tables = docxTables(xml)
    const area = await api.prisma.area.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } })
    const first = await api.prisma.assessment.findFirstOrThrow({
      where: { roundId: round.id, areaId: area.id, category: 'I', rank: 1 },
      include: { org: true },
    })
    const rankingRow = ['1', first.org.name, first.baseScore!.toFixed(2), first.bonusScore!.toFixed(2), first.totalScore!.toFixed(2), '红榜']
    expect(tables.some((t) => t[0]!.join('|') === '排名|党组织|基础得分|加分|总分|红蓝榜' && t.some((r) => r.join('|') === rankingRow.join('|')))).toBe(true)
    const categoryI = await api.prisma.assessment.count({ where: { roundId: round.id, areaId: area.id, category: 'I' } })
    const tableI = tables.find((t) => t.some((r) => r[1] === first.org.name))!
    expect(tableI).toHaveLength(categoryI + 1)

    // Red and blue lists by name.
    const marked = await api.prisma.assessment.findMany({
      where: { roundId: round.id, listMark: { not: null } },
      include: { org: true },
    })
    const red = paragraphs.filter((p) => p.startsWith('红榜：')).join('')
    const blue = paragraphs.filter((p) => p.startsWith('蓝榜：')).join('')
    for (const a of marked) expect(a.listMark === 'RED' ? red : blue).toContain(a.org.name)

    // Adjustments with signed points and the month.
    const adjustments = await api.prisma.performanceAdjustment.findMany({ where: { roundId: round.id }, include: { org: true, area: true } })
    expect(adjustments.length).toBeGreaterThan(0)
    const adjTable = tables.find((t) => t[0]!.join('|') === '专业|党组织|类别|事由|加减分|计入月份')!
    for (const adj of adjustments) {
      const points = adj.points.isNegative() ? adj.points.toFixed(2) : `+${adj.points.toFixed(2)}`
      expect(adjTable.some((r) => r[0] === adj.area.name && r[1] === adj.org.name && r[2] === CATEGORY_LABELS[adj.category] && r[4] === points && r[5] === adj.month)).toBe(true)
    }

    // Problem categories with counts, typical examples without org names.
    const problems = tables.find((t) => t[0]!.join('|') === '序号|问题类别|问题数|其中屡查屡犯|典型问题')!
    expect(problems.length - 1).toBe(data.problemCategories.length)
    expect(problems.slice(1).reduce((n, r) => n + Number(r[2]), 0)).toBe(standing)
    const orgs = await api.prisma.organization.findMany()
    for (const row of problems.slice(1)) {
      expect(row[4]!.length).toBeGreaterThan(0)
      for (const org of orgs) expect(row[4]).not.toContain(org.name)
    }

    // Requirements with the rectification deadline; the distribution table; signature and date.
    const rects = await api.prisma.rectification.findMany({ where: { roundId: round.id }, orderBy: { deadline: 'desc' } })
    const deadline = rects[0]!.deadline.toISOString().slice(0, 10)
    expect(text).toContain(`于${dateZh(deadline)}前完成整改`)
    expect(text).toContain('“清单式”约谈')
    expect(tables.some((t) => t[0]!.join('|') === '序号|党组织|整改事项数|完成时限')).toBe(true)
    expect(paragraphs.at(-2)).toBe(data.notice.issuedBy)
    expect(paragraphs.at(-1)).toBe(dateZh(data.notice.issuedOn))
  })

  it('uses the title from the source article by default', async () => {
    const round = await latestRound()
    await api.prisma.notice.deleteMany({ where: { roundId: round.id } })
    const { paragraphs } = readDocx(Buffer.from(await (await download(`/files/notice/${round.id}.docx`, 'leader')).arrayBuffer()))
    expect(paragraphs).toContain(NOTICE_TITLE)
    expect(NOTICE_TITLE).toBe('关于基层党建工作季度差异化积分考核评价结果的通报')
    expect(paragraphs).toContain(`党建〔${round.year}〕${round.quarter}号`)
  })
})

describe('notice as a print view', () => {
  it('carries the same content as a self-contained page', async () => {
    const round = await latestRound()
    const res = await download(`/files/notice/${round.id}.html`, 'leader')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    const data = await loadNoticeData(api.prisma, round.id, new Date())
    expect(html).toContain(`<h1>${data.notice.title}</h1>`)
    expect(html).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm}')
    expect(html).toContain(data.areas[0]!.categories[0]!.rows[0]!.orgName)
    expect(html).toContain('六、整改要求')
    expect(html).not.toMatch(/<script|https?:\/\//)
  })
})

describe('who may download', () => {
  it('admins and leaders; not branches, inspectors or anonymous callers', async () => {
    const round = await latestRound()
    for (const ext of ['docx', 'html']) {
      const path = `/files/notice/${round.id}.${ext}`
      expect((await download(path, null)).status).toBe(401)
      expect((await download(path, 'branch1')).status).toBe(403)
      expect((await download(path, 'inspector1')).status).toBe(403)
      expect((await download(path, 'admin')).status).toBe(200)
      expect((await download(path, 'leader')).status).toBe(200)
    }
  })

  it('only for published rounds', async () => {
    const current = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'INSPECTING' } })
    const res = await download(`/files/notice/${current.id}.docx`, 'admin')
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('尚未发布')
    expect((await download('/files/notice/987654.docx', 'admin')).status).toBe(404)
  })
})

describe('saveNotice', () => {
  const SAVE = `mutation ($roundId: Int!, $input: NoticeInput!) {
    saveNotice(roundId: $roundId, input: $input) {
      __typename
      ... on Notice { docNo title issuedBy issuedAt }
      ... on ValidationError { message }
    }
  }`

  it('records the document number and issuing body, audited, and the document follows', async () => {
    const round = await latestRound()
    const admin = await api.login('admin')
    const res = await api.gql(SAVE, { roundId: round.id, input: { docNo: '白银供电党〔2026〕9号', issuedBy: '中共国网白银供电公司委员会' } }, admin)
    const saved = ok(res).saveNotice
    expect(saved).toMatchObject({ __typename: 'Notice', docNo: '白银供电党〔2026〕9号', issuedBy: '中共国网白银供电公司委员会' })
    const audit = await api.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'Notice' }, orderBy: { id: 'desc' } })
    expect(['notice.create', 'notice.update']).toContain(audit.action)
    expect(audit.after).toMatchObject({ docNo: '白银供电党〔2026〕9号' })

    const { paragraphs } = readDocx(Buffer.from(await (await download(`/files/notice/${round.id}.docx`, 'admin')).arrayBuffer()))
    expect(paragraphs).toContain('白银供电党〔2026〕9号')
    expect(paragraphs).toContain('中共国网白银供电公司委员会文件')
  })

  it('refuses empty fields, unpublished rounds and non-admins', async () => {
    const round = await latestRound()
    const admin = await api.login('admin')
    const empty = ok(await api.gql(SAVE, { roundId: round.id, input: { docNo: '  ' } }, admin)).saveNotice
    expect(empty).toMatchObject({ __typename: 'ValidationError' })
    const current = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'INSPECTING' } })
    const early = ok(await api.gql(SAVE, { roundId: current.id, input: { docNo: 'x' } }, admin)).saveNotice
    expect(early).toMatchObject({ __typename: 'ValidationError', message: '本轮检查结果尚未发布，不能登记通报' })
    expect(errorCode(await api.gql(SAVE, { roundId: round.id, input: {} }, await api.login('leader')))).toBe('FORBIDDEN')
  })
})

describe('anonymised examples', () => {
  it('removes org names, short names and lettered codes, longest first', () => {
    expect(anonymise('第一党支部和第一党支部二组台账缺失（G1）', ['第一党支部', '第一党支部二组', 'G1'])).toBe(
      '某党组织和某党组织台账缺失（某党组织）',
    )
    expect(anonymise('x'.repeat(100), [])).toHaveLength(80)
  })
})
