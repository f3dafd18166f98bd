/**
 * Excel imports through GraphQL multipart uploads on the demo data. A file with bad rows saves
 * nothing (table checksums before and after are equal) and reports every bad cell with sheet, row,
 * column and a reason; a clean file is saved in one transaction and audited; a dry run reports
 * without saving. Templates are downloaded first and filled in, as a user would.
 */
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ok, useTestApi } from '../helpers'
import { download, headerOf, readXlsx, REPORT_FIELDS, rowsOf, uploadImport, xlsxBytes, type Report } from './xlsx'

const api = useTestApi({ reset: 'file' })

/** Count and digest of whole tables, to prove a refused import changed nothing. */
async function checksum(tables: ('organization' | 'orgCategoryAssignment' | 'problemCategory' | 'auditLog' | 'scheme' | 'dimension' | 'indicator' | 'feedbackForm' | 'finding' | 'assessment')[]) {
  const out: Record<string, string> = {}
  for (const table of tables) {
    const rows = await (api.prisma[table] as unknown as { findMany: (args: object) => Promise<unknown[]> }).findMany({ orderBy: { id: 'asc' } })
    const json = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
    out[table] = `${rows.length}:${createHash('sha256').update(json).digest('hex')}`
  }
  return out
}

async function template(path: string, user = 'admin'): Promise<ExcelJS.Workbook> {
  const res = await api.fetch(path, {}, { cookie: await cookieOf(user) })
  expect(res.status).toBe(200)
  return readXlsx(res)
}

/** Writes `values` (by header text, "*" ignored) into a new row of the sheet; returns its number. */
function addRow(ws: ExcelJS.Worksheet, values: Record<string, string | number | Date | null>): number {
  const headers = headerOf(ws).map((h) => h.replace('*', ''))
  const row = ws.addRow(headers.map((h) => values[h] ?? null))
  for (const key of Object.keys(values)) if (!headers.includes(key)) throw new Error(`no column ${key}`)
  return row.number
}

function setCell(ws: ExcelJS.Worksheet, rowNumber: number, header: string, value: string | number | null) {
  const col = headerOf(ws).map((h) => h.replace('*', '')).indexOf(header) + 1
  if (col === 0) throw new Error(`no column ${header}`)
  ws.getRow(rowNumber).getCell(col).value = value
}

const IMPORT_ORGS = `mutation ($file: Upload!, $year: Int, $dryRun: Boolean) { importOrgs(file: $file, year: $year, dryRun: $dryRun) { ${REPORT_FIELDS} } }`
const IMPORT_INDICATORS = `mutation ($schemeId: Int!, $version: Int, $file: Upload!, $dryRun: Boolean) {
  importSchemeIndicators(schemeId: $schemeId, version: $version, file: $file, dryRun: $dryRun) { ${REPORT_FIELDS} } }`
const IMPORT_FINDINGS = `mutation ($roundId: Int!, $file: Upload!, $dryRun: Boolean) { importFindings(roundId: $roundId, file: $file, dryRun: $dryRun) { ${REPORT_FIELDS} } }`

// Signed in once per user: a login writes rows too, which would spoil the checksums.
const cookies = new Map<string, string>()
async function cookieOf(user: string): Promise<string> {
  if (!cookies.has(user)) cookies.set(user, await api.login(user))
  return cookies.get(user)!
}

async function send(mutation: string, variables: Record<string, unknown>, wb: ExcelJS.Workbook | Buffer, user = 'admin', name = '导入.xlsx') {
  const bytes = Buffer.isBuffer(wb) ? wb : await xlsxBytes(wb)
  const cookie = await cookieOf(user)
  return uploadImport(api, mutation, variables, { name, bytes }, cookie)
}

function codeOf(res: Awaited<ReturnType<typeof send>>): string | undefined {
  return res.errors?.[0]?.extensions?.code
}

function report(res: Awaited<ReturnType<typeof send>>, field: string): Report {
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors))
  return res.data![field]!
}

describe('templates', () => {
  it('orgs: pre-filled 党组织 and 问题类别 sheets with marked required columns and drop-downs; admins only', async () => {
    const wb = await template('/files/template/orgs.xlsx?year=2026')
    expect(wb.worksheets.map((w) => w.name)).toEqual(['党组织', '问题类别', '填写说明'])
    const orgs = wb.getWorksheet('党组织')!
    expect(headerOf(orgs)).toEqual(['编码*', '名称*', '简称', '单位类型*', '上级组织编码', '参与考核', '启用', '排序', '类别'])
    expect(orgs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(rowsOf(orgs)).toHaveLength(await api.prisma.organization.count())
    expect(rowsOf(wb.getWorksheet('问题类别')!)).toHaveLength(await api.prisma.problemCategory.count())
    const validations = (orgs as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model
    expect(Object.values(validations).map((v) => v.formulae[0])).toContain('"基层单位,本部"')
    expect((await download(api, '/files/template/orgs.xlsx', 'branch1')).status).toBe(403)
    expect((await download(api, '/files/template/orgs.xlsx', null)).status).toBe(401)
  })

  it('findings: an inspector’s template lists only the orgs assigned to their team', async () => {
    const round = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'INSPECTING' } })
    const user = await api.prisma.user.findUniqueOrThrow({ where: { username: 'inspector1' } })
    const assigned = await api.prisma.teamAssignment.findMany({
      where: { roundId: round.id, team: { members: { some: { userId: user.id } } } },
      include: { org: true },
    })
    const wb = await template(`/files/template/findings.xlsx?roundId=${round.id}`, 'inspector1')
    expect(headerOf(wb.getWorksheet('问题清单')!)).toEqual([
      '党组织编码*', '党组织名称', '专业', '检查日期*', '反馈表编号', '指标编码*', '问题类别*', '问题描述*', '检查方式*', '扣分',
    ])
    const listed = rowsOf(wb.getWorksheet('参考-党组织')!).map((r) => r[0])
    expect(listed.sort()).toEqual(assigned.map((a) => a.org.code).sort())
    expect(rowsOf(wb.getWorksheet('参考-指标')!).length).toBeGreaterThan(0)
    expect((await download(api, `/files/template/findings.xlsx?roundId=${round.id}`, 'branch1')).status).toBe(403)
  })
})

describe('importOrgs', () => {
  const TABLES = ['organization', 'orgCategoryAssignment', 'problemCategory', 'auditLog'] as const

  it('a file with bad rows changes nothing and reports every bad cell', async () => {
    const wb = await template('/files/template/orgs.xlsx?year=2026')
    const ws = wb.getWorksheet('党组织')!
    const committee = rowsOf(ws)[0]![0] as string
    const good = addRow(ws, { 编码: 'IMP-OK', 名称: '导入测试党支部', 单位类型: '基层单位', 上级组织编码: committee, 类别: 'Ⅱ类' })
    const bad = addRow(ws, { 编码: 'IMP-BAD', 名称: '错误党支部', 单位类型: '分公司', 上级组织编码: 'NOPE', 排序: '第一' })
    const dup = addRow(ws, { 编码: 'IMP-OK', 名称: '重复编码党支部', 单位类型: '本部' })
    const noName = addRow(ws, { 编码: 'IMP-NONAME', 单位类型: '本部', 类别: 'Ⅳ类', 参与考核: '也许' })
    const before = await checksum([...TABLES])

    const r = report(await send(IMPORT_ORGS, { year: 2026 }, wb), 'importOrgs')
    expect(r).toMatchObject({ __typename: 'ImportReport', applied: false, created: 0, updated: 0 })
    expect(r.summary).toBe(`发现 ${r.problems.length} 处错误，未导入任何数据`)
    const found = r.problems.map((p) => [p.sheet, p.row, p.column, p.cell, p.message])
    expect(found).toEqual(
      expect.arrayContaining([
        ['党组织', bad, '单位类型', `D${bad}`, '“单位类型”应为 基层单位、本部 之一'],
        ['党组织', bad, '排序', `H${bad}`, '“排序”应为整数'],
        ['党组织', dup, '编码', `A${dup}`, `编码“IMP-OK”与第 ${good} 行重复`],
        ['党组织', noName, '名称', `B${noName}`, '请填写“名称”'],
        ['党组织', noName, '参与考核', `F${noName}`, '“参与考核”应为 是 或 否'],
        ['党组织', noName, '类别', `I${noName}`, '“类别”应为 Ⅰ类、Ⅱ类、Ⅲ类、I类、II类、III类 之一'],
      ]),
    )
    expect(r.problems).toHaveLength(6)
    expect(r.problems.find((p) => p.cell === `D${bad}`)?.value).toBe('分公司')
    expect(await checksum([...TABLES])).toEqual(before)

    // The unknown parent is caught once the row's own cells are fine.
    setCell(ws, bad, '单位类型', '本部')
    setCell(ws, bad, '排序', 3)
    const again = report(await send(IMPORT_ORGS, { year: 2026 }, wb), 'importOrgs')
    expect(again.problems.map((p) => p.cell)).toEqual(expect.arrayContaining([`E${bad}`]))
    expect(again.problems.find((p) => p.cell === `E${bad}`)?.message).toBe('上级组织编码“NOPE”不存在')
    expect(await checksum([...TABLES])).toEqual(before)
  })

  it('refuses files that are not workbooks or lack the sheets, and non-admins', async () => {
    await cookieOf('branch1')
    const before = await checksum([...TABLES])
    const text = report(await send(IMPORT_ORGS, {}, Buffer.from('编码,名称\nX,Y\n'), 'admin', 'orgs.csv'), 'importOrgs')
    expect(text.applied).toBe(false)
    expect(text.problems).toEqual([expect.objectContaining({ row: null, message: '不是 Excel（.xlsx）文件，请使用下载的模板填写后上传' })])
    const other = new ExcelJS.Workbook()
    other.addWorksheet('Sheet1').addRow(['foo'])
    other.addWorksheet('Sheet2').addRow(['bar'])
    const noSheets = report(await send(IMPORT_ORGS, {}, other), 'importOrgs')
    expect(noSheets.problems[0]!.message).toBe('文件中没有“党组织”或“问题类别”工作表，请使用下载的模板')
    const missingColumn = new ExcelJS.Workbook()
    missingColumn.addWorksheet('党组织').addRows([['编码', '名称'], ['Z1', '某支部']])
    const missing = report(await send(IMPORT_ORGS, {}, missingColumn), 'importOrgs')
    expect(missing.problems).toEqual([expect.objectContaining({ sheet: '党组织', row: 1, column: '单位类型', message: '缺少必填列“单位类型”' })])
    expect(codeOf(await send(IMPORT_ORGS, {}, other, 'branch1'))).toBe('FORBIDDEN')
    expect(await checksum([...TABLES])).toEqual(before)
  })

  it('a clean file: dry run saves nothing; the real run saves all in one go, audited', async () => {
    const wb = await template('/files/template/orgs.xlsx?year=2027')
    const ws = wb.getWorksheet('党组织')!
    const committee = rowsOf(ws)[0]![0] as string
    // The child comes before its (new) parent: parents may be defined anywhere in the file.
    addRow(ws, { 编码: 'IMP-CHILD', 名称: '导入测试第二党支部', 单位类型: '本部', 上级组织编码: 'IMP-PARENT', 类别: 'Ⅲ类', 排序: 901 })
    addRow(ws, { 编码: 'IMP-PARENT', 名称: '导入测试党总支', 简称: '测试总支', 单位类型: '基层单位', 上级组织编码: committee, 类别: 'Ⅱ类', 排序: 900 })
    const renamed = rowsOf(ws)[1]!
    setCell(ws, 3, '名称', `${renamed[1] as string}（更名）`)
    addRow(wb.getWorksheet('问题类别')!, { 编码: 'P-IMP', 名称: '导入的问题类别', 说明: '测试' })
    const before = await checksum([...TABLES])

    const dry = report(await send(IMPORT_ORGS, { year: 2027, dryRun: true }, wb), 'importOrgs')
    expect(dry).toMatchObject({ applied: false, dryRun: true, problems: [], created: 3, updated: 1 })
    expect(dry.summary).toMatch(/^校验通过（试导入，未保存）：党组织新增 2 个、更新 1 个/)
    expect(await checksum([...TABLES])).toEqual(before)

    const done = report(await send(IMPORT_ORGS, { year: 2027 }, wb, 'admin', '党组织2027.xlsx'), 'importOrgs')
    expect(done).toMatchObject({ applied: true, dryRun: false, problems: [], created: 3, updated: 1, fileName: '党组织2027.xlsx' })
    const parent = await api.prisma.organization.findUniqueOrThrow({ where: { code: 'IMP-PARENT' }, include: { parent: true, categoryAssignments: true } })
    const child = await api.prisma.organization.findUniqueOrThrow({ where: { code: 'IMP-CHILD' }, include: { categoryAssignments: true } })
    expect(parent).toMatchObject({ name: '导入测试党总支', shortName: '测试总支', unitType: 'GRASSROOTS', sortOrder: 900 })
    expect(parent.parent?.code).toBe(committee)
    expect(child.parentId).toBe(parent.id)
    expect(parent.categoryAssignments).toEqual([expect.objectContaining({ year: 2027, category: 'II' })])
    expect(child.categoryAssignments).toEqual([expect.objectContaining({ year: 2027, category: 'III' })])
    expect((await api.prisma.organization.findUniqueOrThrow({ where: { code: renamed[0] as string } })).name).toBe(`${renamed[1] as string}（更名）`)
    expect(await api.prisma.problemCategory.findUnique({ where: { code: 'P-IMP' } })).toMatchObject({ name: '导入的问题类别' })

    const audit = await api.prisma.auditLog.findFirstOrThrow({ where: { action: 'org.import' }, include: { actor: true } })
    expect(audit.actor?.username).toBe('admin')
    expect(audit.after).toMatchObject({
      fileName: '党组织2027.xlsx',
      year: 2027,
      orgsCreated: ['IMP-CHILD', 'IMP-PARENT'],
      orgsUpdated: [renamed[0]],
      problemCategoriesCreated: ['P-IMP'],
    })
    expect((audit.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/)

    // Importing the same file again changes nothing more.
    const repeat = report(await send(IMPORT_ORGS, { year: 2027 }, wb), 'importOrgs')
    expect(repeat).toMatchObject({ applied: true, created: 0, updated: 0 })
  })
})

describe('importSchemeIndicators', () => {
  const TABLES = ['scheme', 'dimension', 'indicator', 'auditLog'] as const
  const REVISE = `mutation ($id: Int!) { reviseScheme(id: $id) { __typename ... on Scheme { id version } ... on ValidationError { message } } }`

  async function draft() {
    const published = await api.prisma.scheme.findFirstOrThrow({
      where: { status: 'PUBLISHED' },
      orderBy: [{ year: 'desc' }, { areaId: 'asc' }, { category: 'asc' }],
    })
    const existing = await api.prisma.scheme.findFirst({
      where: { year: published.year, areaId: published.areaId, category: published.category, status: 'DRAFT' },
    })
    if (existing) return existing
    const created = ok(await api.gql<{ reviseScheme: { id: number } }>(REVISE, { id: published.id }, await api.login('admin'))).reviseScheme
    return api.prisma.scheme.findUniqueOrThrow({ where: { id: created.id } })
  }

  it('bad cells are all reported and the draft stays as it was', async () => {
    const scheme = await draft()
    const wb = await template(`/files/template/indicators.xlsx?schemeId=${scheme.id}`)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['维度', '指标', '参考-共享指标', '填写说明'])
    const ws = wb.getWorksheet('指标')!
    expect(rowsOf(ws)).toHaveLength(await api.prisma.indicator.count({ where: { schemeId: scheme.id } }))
    setCell(ws, 2, '分值', 'abc')
    setCell(ws, 3, '计分方式', '乱写')
    const bonus = addRow(ws, { 指标编码: 'IMP-B1', 指标名称: '导入加分项', 所属维度编码: rowsOf(wb.getWorksheet('维度')!)[0]![0] as string, 计分方式: '加分制', 分值: 2 })
    const rating = addRow(ws, { 指标编码: 'IMP-R1', 指标名称: '导入评级项', 所属维度编码: 'NO-DIM', 计分方式: '评级制', 分值: 1.234 })
    const before = await checksum([...TABLES])

    const r = report(await send(IMPORT_INDICATORS, { schemeId: scheme.id }, wb), 'importSchemeIndicators')
    expect(r.applied).toBe(false)
    expect(r.problems.map((p) => [p.sheet, p.cell, p.message])).toEqual(
      expect.arrayContaining([
        ['指标', 'E2', '“分值”应为数字'],
        ['指标', 'D3', '“计分方式”应为 扣分制、评级制、数量制、加分制 之一'],
        ['指标', `C${bonus}`, '加分项不属于任何维度，请留空'],
        ['指标', `E${rating}`, '“分值”最多两位小数'],
        ['指标', `C${rating}`, '维度“NO-DIM”不在“维度”工作表中'],
        ['指标', `I${rating}`, '评级制指标必须填写评级档次'],
      ]),
    )
    expect(r.problems).toHaveLength(6)
    expect(await checksum([...TABLES])).toEqual(before)
  })

  it('a clean file replaces the draft’s content, keeps ids by code, bumps the version, audited', async () => {
    const scheme = await draft()
    const wb = await template(`/files/template/indicators.xlsx?schemeId=${scheme.id}`)
    const ws = wb.getWorksheet('指标')!
    const firstCode = rowsOf(ws)[0]![0] as string
    const firstId = (await api.prisma.indicator.findFirstOrThrow({ where: { schemeId: scheme.id, code: firstCode } })).id
    setCell(ws, 2, '指标名称', '导入后的指标名称')
    addRow(ws, { 指标编码: 'IMP-B2', 指标名称: '导入的加分项', 计分方式: '加分制', 分值: 2, 评价标准: '获得上级表彰' })
    addRow(ws, { 指标编码: 'IMP-R2', 指标名称: '导入的评级项', 所属维度编码: rowsOf(wb.getWorksheet('维度')!)[0]![0] as string, 计分方式: '评级制', 分值: 0, 评级档次: '好:100；较好:80；一般:60；差:0' })
    const count = await api.prisma.indicator.count({ where: { schemeId: scheme.id } })

    const stale = await send(IMPORT_INDICATORS, { schemeId: scheme.id, version: scheme.version + 5 }, wb)
    expect(stale.data?.importSchemeIndicators).toMatchObject({ __typename: 'ConflictError' })

    const r = report(await send(IMPORT_INDICATORS, { schemeId: scheme.id, version: scheme.version }, wb, 'admin', '指标.xlsx'), 'importSchemeIndicators')
    expect(r).toMatchObject({ applied: true, problems: [], created: 2 })
    expect(await api.prisma.indicator.count({ where: { schemeId: scheme.id } })).toBe(count + 2)
    const first = await api.prisma.indicator.findFirstOrThrow({ where: { schemeId: scheme.id, code: firstCode } })
    expect(first).toMatchObject({ id: firstId, name: '导入后的指标名称' })
    expect(await api.prisma.indicator.findFirst({ where: { schemeId: scheme.id, code: 'IMP-B2' } })).toMatchObject({ method: 'BONUS', dimensionId: null })
    const ratingRow = await api.prisma.indicator.findFirstOrThrow({ where: { schemeId: scheme.id, code: 'IMP-R2' } })
    expect(ratingRow.ratingLevels).toEqual([
      { label: '好', percent: '100' },
      { label: '较好', percent: '80' },
      { label: '一般', percent: '60' },
      { label: '差', percent: '0' },
    ])
    expect((await api.prisma.scheme.findUniqueOrThrow({ where: { id: scheme.id } })).version).toBe(scheme.version + 1)
    const audit = await api.prisma.auditLog.findFirstOrThrow({ where: { action: 'scheme.importIndicators', entityId: String(scheme.id) } })
    expect(audit.after).toMatchObject({ fileName: '指标.xlsx' })
  })

  it('published schemes are refused', async () => {
    const published = await api.prisma.scheme.findFirstOrThrow({ where: { status: 'PUBLISHED' } })
    const wb = await template(`/files/template/indicators.xlsx?schemeId=${published.id}`)
    const r = report(await send(IMPORT_INDICATORS, { schemeId: published.id }, wb), 'importSchemeIndicators')
    expect(r.applied).toBe(false)
    expect(r.problems[0]!.message).toMatch(/^只有草稿状态的方案可以导入指标/)
  })
})

describe('importFindings', () => {
  const TABLES = ['feedbackForm', 'finding', 'assessment', 'auditLog'] as const

  async function setting() {
    const round = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'INSPECTING' }, include: { areas: { include: { area: true } } } })
    const inspector = await api.prisma.user.findUniqueOrThrow({ where: { username: 'inspector1' } })
    const area = round.areas.map((a) => a.area).sort((a, b) => a.sortOrder - b.sortOrder)[0]!
    const mine = await api.prisma.assessment.findFirstOrThrow({
      where: {
        roundId: round.id,
        areaId: area.id,
        status: { not: 'SUBMITTED' },
        org: { teamAssignments: { some: { roundId: round.id, team: { members: { some: { userId: inspector.id } } } } } },
      },
      include: { org: true },
    })
    const other = await api.prisma.assessment.findFirstOrThrow({
      where: {
        roundId: round.id,
        areaId: area.id,
        org: { teamAssignments: { some: { roundId: round.id, team: { members: { none: { userId: inspector.id } } } } } },
      },
      include: { org: true },
    })
    const indicator = await api.prisma.indicator.findFirstOrThrow({ where: { schemeId: mine.schemeId, method: 'DEDUCTION' }, orderBy: { sortOrder: 'asc' } })
    const category = await api.prisma.problemCategory.findFirstOrThrow({ where: { active: true }, orderBy: { sortOrder: 'asc' } })
    const wb = await template(`/files/template/findings.xlsx?roundId=${round.id}`, 'inspector1')
    return { round, area, mine, other, indicator, category, wb, ws: wb.getWorksheet('问题清单')! }
  }

  it('one bad row: nothing saved, the row and column reported', async () => {
    const s = await setting()
    const base = { 专业: s.area.name, 检查日期: '2026-03-10', 指标编码: s.indicator.code, 问题类别: s.category.code, 检查方式: '查阅资料' }
    addRow(s.ws, { ...base, 党组织编码: s.mine.org.code, 问题描述: '三会一课记录不完整（导入测试一）', 扣分: 0.5 })
    addRow(s.ws, { ...base, 党组织编码: s.mine.org.code, 问题描述: '党员发展材料缺页（导入测试二）' })
    const bad = addRow(s.ws, { ...base, 党组织编码: s.other.org.code, 问题描述: '不属于本组的党组织', 扣分: '1.234' })
    const before = await checksum([...TABLES])

    const r = report(await send(IMPORT_FINDINGS, { roundId: s.round.id }, s.wb, 'inspector1'), 'importFindings')
    expect(r.applied).toBe(false)
    expect(r.rowCount).toBe(3)
    expect(r.problems.map((p) => [p.row, p.column, p.cell, p.message])).toEqual([
      [bad, '党组织编码', `A${bad}`, `“${s.other.org.name}”未分配给您所在的检查组`],
      [bad, '扣分', `J${bad}`, '“扣分”最多两位小数'],
    ])
    expect(await checksum([...TABLES])).toEqual(before)
  })

  it('a clean file creates one feedback form per org and visit date and the findings, audited', async () => {
    const s = await setting()
    const base = { 专业: s.area.name, 指标编码: s.indicator.code, 问题类别: s.category.name, 检查方式: '现场查看' }
    addRow(s.ws, { ...base, 党组织编码: s.mine.org.code, 检查日期: new Date(Date.UTC(2026, 2, 11)), 问题描述: '活动阵地标识不规范（导入测试三）', 扣分: 0.5 })
    addRow(s.ws, { ...base, 党组织编码: s.mine.org.code, 检查日期: '2026/3/11', 问题描述: '党员管理台账未及时更新（导入测试四）', 扣分: '1' })
    const forms = await api.prisma.feedbackForm.count({ where: { roundId: s.round.id, orgId: s.mine.orgId } })

    const r = report(await send(IMPORT_FINDINGS, { roundId: s.round.id }, s.wb, 'inspector1', '反馈表.xlsx'), 'importFindings')
    expect(r).toMatchObject({ applied: true, problems: [], created: 2, summary: '导入问题 2 条，新建现场反馈表 1 份' })
    const created = await api.prisma.finding.findMany({ where: { description: { contains: '导入测试' } }, include: { feedbackForm: true, createdBy: true } })
    expect(created.map((f) => f.description).sort()).toEqual(['党员管理台账未及时更新（导入测试四）', '活动阵地标识不规范（导入测试三）'])
    expect(new Set(created.map((f) => f.feedbackFormId)).size).toBe(1)
    expect(created[0]!.feedbackForm!.visitDate.toISOString().slice(0, 10)).toBe('2026-03-11')
    expect(created.every((f) => f.createdBy?.username === 'inspector1' && f.checkMethod === 'ONSITE_CHECK')).toBe(true)
    expect(created.map((f) => f.deduction.toFixed(2)).sort()).toEqual(['0.50', '1.00'])
    expect(await api.prisma.feedbackForm.count({ where: { roundId: s.round.id, orgId: s.mine.orgId } })).toBe(forms + 1)
    const audit = await api.prisma.auditLog.findFirstOrThrow({ where: { action: 'finding.import' } })
    expect(audit.after).toMatchObject({ fileName: '反馈表.xlsx', findingIds: created.map((f) => f.id).sort((a, b) => a - b) })
  })

  it('only rounds being inspected; not for branches', async () => {
    const published = await api.prisma.inspectionRound.findFirstOrThrow({ where: { status: 'PUBLISHED' } })
    const s = await setting()
    addRow(s.ws, { 党组织编码: s.mine.org.code, 检查日期: '2026-03-10', 指标编码: s.indicator.code, 问题类别: s.category.code, 问题描述: 'x', 检查方式: '查阅资料' })
    const r = report(await send(IMPORT_FINDINGS, { roundId: published.id }, s.wb), 'importFindings')
    expect(r.problems[0]!.message).toBe(`“${published.name}”不在检查阶段，不能导入问题`)
    expect(codeOf(await send(IMPORT_FINDINGS, { roundId: s.round.id }, s.wb, 'branch1'))).toBe('FORBIDDEN')
  })
})
