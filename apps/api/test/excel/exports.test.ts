/**
 * Excel exports on the demo data, read back with exceljs: Chinese headers, frozen header row,
 * column widths, '0.00' number formats, the right rows — and R12 scope (a BRANCH user's ledgers
 * hold only its own org's rows).
 */
import { describe, expect, it } from 'vitest'
import { useTestApi } from '../helpers'
import { download, headerOf, readXlsx, rowsOf } from './xlsx'

const api = useTestApi({ reset: 'file' })

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function latestRound() {
  return api.prisma.inspectionRound.findFirstOrThrow({
    where: { status: 'PUBLISHED' },
    orderBy: [{ year: 'desc' }, { quarter: 'desc' }],
  })
}

async function orgOf(username: string) {
  const user = await api.prisma.user.findUniqueOrThrow({ where: { username }, include: { org: true } })
  return user.org!
}

describe('ranking export', () => {
  it('one sheet per area with the frozen ranking, scores as 0.00 numbers', async () => {
    const round = await latestRound()
    const res = await download(api, `/files/export/ranking.xlsx?roundId=${round.id}`, 'leader')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(XLSX)
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe(`${round.name}考核评价排名.xlsx`)
    const wb = await readXlsx(res)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['基层党建排名', '党风廉政排名', '宣传工作排名'])
    const ws = wb.getWorksheet('基层党建排名')!
    expect(headerOf(ws)).toEqual(['类别', '排名', '党组织编码', '党组织', '单位类型', '基础得分', '加分', '总分', '红蓝榜'])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.getRow(1).font?.bold).toBe(true)
    expect(ws.getColumn(4).width).toBe(30)
    expect(ws.getCell('F2').numFmt).toBe('0.00')
    expect(ws.getCell('H2').numFmt).toBe('0.00')
    expect(ws.autoFilter).toBeTruthy()

    const area = await api.prisma.area.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } })
    const assessments = await api.prisma.assessment.findMany({ where: { roundId: round.id, areaId: area.id }, include: { org: true } })
    const rows = rowsOf(ws)
    expect(rows).toHaveLength(assessments.length)
    const first = assessments.find((a) => a.category === 'I' && a.rank === 1)!
    expect(rows[0]).toEqual([
      'Ⅰ类',
      1,
      first.org.code,
      first.org.name,
      first.unitType === 'GRASSROOTS' ? '基层单位' : '本部',
      Number(first.baseScore!.toFixed(2)),
      Number(first.bonusScore!.toFixed(2)),
      Number(first.totalScore!.toFixed(2)),
      '红榜',
    ])
    // Categories in order, ranks ascending within each.
    const categories = rows.map((r) => r[0])
    expect(categories.indexOf('Ⅱ类')).toBeGreaterThan(categories.lastIndexOf('Ⅰ类'))
    expect(rows.filter((r) => r[8] === '蓝榜').length).toBe(assessments.filter((a) => a.listMark === 'BLUE').length)
  })

  it('cannot be read by other origins, even with the session cookie', async () => {
    const round = await latestRound()
    const res = await api.fetch(`/files/export/ranking.xlsx?roundId=${round.id}`, { headers: { origin: 'https://portal.example' } }, { cookie: await api.login('admin') })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('is refused for unpublished rounds and anonymous callers', async () => {
    const current = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'INSPECTING' } })
    expect((await download(api, `/files/export/ranking.xlsx?roundId=${current.id}`, 'admin')).status).toBe(400)
    expect((await download(api, `/files/export/ranking.xlsx?roundId=${current.id}`, null)).status).toBe(401)
    expect((await download(api, '/files/export/nothing.xlsx', 'admin')).status).toBe(404)
  })
})

describe('findings ledger', () => {
  it('admins get every finding; a branch only its own, from RECONCILING on', async () => {
    const all = await readXlsx(await download(api, '/files/export/findings.xlsx', 'admin'))
    const ws = all.getWorksheet('问题台账')!
    expect(headerOf(ws)).toEqual([
      '序号', '检查轮次', '专业', '党组织编码', '党组织', '反馈表编号', '检查日期', '指标编码', '指标',
      '问题类别', '问题描述', '检查方式', '扣分', '屡查屡犯', '核对状态', '记录时间',
    ])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.getCell('M2').numFmt).toBe('0.00')
    expect(ws.getCell('G2').numFmt).toBe('yyyy-mm-dd')
    expect(ws.getColumn(11).alignment?.wrapText).toBe(true)
    expect(rowsOf(ws)).toHaveLength(await api.prisma.finding.count())

    const org = await orgOf('branch1')
    const own = await readXlsx(await download(api, '/files/export/findings.xlsx', 'branch1'))
    const rows = rowsOf(own.getWorksheet('问题台账')!)
    const expected = await api.prisma.finding.count({
      where: { orgId: org.id, round: { status: { in: ['RECONCILING', 'PUBLISHED', 'CLOSED'] } } },
    })
    expect(expected).toBeGreaterThan(0)
    expect(rows).toHaveLength(expected)
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set([org.code]))
  })

  it('an inspector gets the orgs assigned to their teams, per round', async () => {
    const user = await api.prisma.user.findUniqueOrThrow({ where: { username: 'inspector1' } })
    const pairs = await api.prisma.teamAssignment.findMany({
      where: { team: { members: { some: { userId: user.id } } } },
      select: { roundId: true, orgId: true },
    })
    const expected = await api.prisma.finding.count({ where: { OR: pairs } })
    const rows = rowsOf((await readXlsx(await download(api, '/files/export/findings.xlsx', 'inspector1'))).getWorksheet('问题台账')!)
    expect(rows).toHaveLength(expected)
    expect(rows.length).toBeLessThan(await api.prisma.finding.count())
  })

  it('filters by round', async () => {
    const round = await latestRound()
    const rows = rowsOf((await readXlsx(await download(api, `/files/export/findings.xlsx?roundId=${round.id}`, 'admin'))).getWorksheet('问题台账')!)
    expect(rows).toHaveLength(await api.prisma.finding.count({ where: { roundId: round.id } }))
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([round.name]))
  })
})

describe('rectification ledger', () => {
  it('lists items with warning colours and their history; a branch sees its own', async () => {
    const wb = await readXlsx(await download(api, '/files/export/rectifications.xlsx', 'admin'))
    const ws = wb.getWorksheet('整改台账')!
    expect(headerOf(ws)).toEqual([
      '编号', '开具轮次', '党组织编码', '党组织', '来源', '问题类别', '整改事项', '整改措施', '责任人',
      '完成时限', '状态', '预警', '剩余天数', '结转次数', '销号时间',
    ])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.getCell('J2').numFmt).toBe('yyyy-mm-dd')
    const rows = rowsOf(ws)
    expect(rows).toHaveLength(await api.prisma.rectification.count())
    const warnings = new Set(rows.map((r) => r[11]))
    expect([...warnings].every((w) => ['正常', '临期', '逾期', '已销号'].includes(w as string))).toBe(true)
    expect(warnings.has('已销号')).toBe(true)
    const events = wb.getWorksheet('整改过程')!
    expect(headerOf(events)).toEqual(['整改编号', '党组织', '时间', '环节', '所在轮次', '说明', '操作人'])
    expect(rowsOf(events)).toHaveLength(await api.prisma.rectificationEvent.count())

    const org = await orgOf('branch2')
    const own = rowsOf((await readXlsx(await download(api, '/files/export/rectifications.xlsx', 'branch2'))).getWorksheet('整改台账')!)
    expect(own).toHaveLength(await api.prisma.rectification.count({ where: { orgId: org.id } }))
    expect(new Set(own.map((r) => r[2]))).toEqual(new Set([org.code]))
  })
})

describe('performance adjustments for payroll', () => {
  it('details and a per-month sheet with signed 0.00 points; branch own; inspectors refused', async () => {
    const round = await latestRound()
    const adjustments = await api.prisma.performanceAdjustment.findMany({ where: { roundId: round.id } })
    const month = adjustments[0]!.month
    const wb = await readXlsx(await download(api, `/files/export/adjustments.xlsx?month=${month}`, 'admin'))
    const detail = wb.getWorksheet('绩效加减分明细')!
    expect(headerOf(detail)).toEqual(['月份', '党组织编码', '党组织', '专业', '类别', '事由', '加减分', '检查轮次'])
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(detail.getCell('G2').numFmt).toBe('+0.00;-0.00;0.00')
    const rows = rowsOf(detail)
    expect(rows).toHaveLength(await api.prisma.performanceAdjustment.count({ where: { month } }))
    expect(rows.every((r) => r[0] === month)).toBe(true)
    expect(rows.some((r) => r[6] === 1.5 && r[5] === 'Ⅰ类排名第一')).toBe(true)
    expect(rows.some((r) => r[6] === -0.5 && r[5] === '基础得分低于98分')).toBe(true)

    const summary = wb.getWorksheet('按月汇总')!
    const [y, m] = month.split('-').map(Number)
    expect(headerOf(summary)).toEqual(['党组织编码', '党组织', `${y}年${m}月`, '合计'])
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100
    expect(sum(rowsOf(summary).map((r) => r[3] as number))).toBe(sum(rows.map((r) => r[6] as number)))

    const org = await orgOf('branch1')
    const own = rowsOf((await readXlsx(await download(api, '/files/export/adjustments.xlsx', 'branch1'))).getWorksheet('绩效加减分明细')!)
    expect(own).toHaveLength(await api.prisma.performanceAdjustment.count({ where: { orgId: org.id } }))
    expect(own.every((r) => r[1] === org.code)).toBe(true)
    expect((await download(api, '/files/export/adjustments.xlsx', 'inspector1')).status).toBe(403)
    expect((await download(api, '/files/export/adjustments.xlsx?month=2026-13', 'admin')).status).toBe(400)
  })
})

describe('annual roll-up', () => {
  it('per org the quarterly totals, the weighted parts and the year’s total', async () => {
    const result = await api.prisma.annualResult.findFirstOrThrow({ orderBy: [{ year: 'desc' }, { total: 'desc' }], include: { org: true } })
    const wb = await readXlsx(await download(api, `/files/export/annual.xlsx?year=${result.year}`, 'leader'))
    const ws = wb.getWorksheet(`${result.year}年度考评汇总`)!
    const header = headerOf(ws)
    expect(header.slice(0, 8)).toEqual(['名次', '党组织编码', '党组织', '类别', '第一季度总分', '第二季度总分', '第三季度总分', '第四季度总分'])
    expect(header).toContain('季度平均总分')
    expect(header.at(-2)).toBe('年度总分')
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const rows = rowsOf(ws)
    expect(rows).toHaveLength(await api.prisma.annualResult.count({ where: { year: result.year } }))
    expect(rows[0]![2]).toBe(result.org.name)
    expect(rows[0]![header.indexOf('年度总分')]).toBe(Number(result.total.toFixed(2)))
    expect(ws.getCell(2, header.indexOf('年度总分') + 1).numFmt).toBe('0.00')

    const org = await orgOf('branch1')
    const own = rowsOf((await readXlsx(await download(api, `/files/export/annual.xlsx?year=${result.year}`, 'branch1'))).getWorksheet(`${result.year}年度考评汇总`)!)
    expect(own.map((r) => r[1])).toEqual([org.code])
    expect((await download(api, `/files/export/annual.xlsx`, 'admin')).status).toBe(400)
  })

  it('the demo year’s one published quarter is counted, on the page’s API and in the export alike', async () => {
    // The demo publishes only Q4 of each year: every 2025 mean is that one quarter's total.
    const leader = await api.login('leader')
    const { data } = await api.gql<{ annualResults: { quarters: number[]; quarterCount: number; quarterlyMean: string }[] }>(
      `{ annualResults(year: 2025) { quarters quarterCount quarterlyMean } }`,
      {},
      leader,
    )
    expect(data!.annualResults).toHaveLength(31)
    for (const r of data!.annualResults) expect(r).toMatchObject({ quarters: [4], quarterCount: 1 })

    const ws = (await readXlsx(await download(api, '/files/export/annual.xlsx?year=2025', 'leader'))).worksheets[0]!
    const header = headerOf(ws)
    const rows = rowsOf(ws)
    expect(rows).toHaveLength(31)
    for (const row of rows) {
      expect(row[header.indexOf('计入季度')]).toBe('第四季度（1/4）')
      expect(row[header.indexOf('季度平均总分')]).toBe(row[header.indexOf('第四季度总分')])
    }
  })
})
