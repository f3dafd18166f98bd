import { required } from '@redblue/scoring'
import { Prisma, type ScoringMethod } from '@redblue/db'
import type { Actor } from '../../../access'
import type { Db } from '../../../context'
import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors'
import { saveSchemeDraft, type DimensionDraft, type IndicatorDraft } from '../../scheme-draft'
import { loadScheme, problemsOf, schemeDocument } from '../../schemes'
import { loadWorkbook, parseSheet, ProblemList, reader, type RowReader } from '../read'
import { DIMENSION_SHEET, INDICATOR_SHEET, METHOD_LABELS, UNIT_RESTRICTION_LABELS } from '../specs'
import { auditImport, emptyReport, type ImportFile, type ImportReport } from './common'

/**
 * 维度 and 指标 of a DRAFT scheme from the template. The file is the scheme's whole content:
 * rows are matched to the draft's dimensions and indicators by code (keeping their ids), new codes
 * are added, codes the file leaves out are removed — the same semantics as saving the draft in
 * the editor, through the same service (`saveSchemeDraft`). Sums are the engine's concern at
 * publication; they come back as warnings.
 */

/** "好:100；较好:80" (also 好=100, 好 100%, separated by ; ， , or new lines). */
function parseLevels(r: RowReader, text: string | null | undefined): { label: string; percent: Prisma.Decimal }[] | null | undefined {
  if (!text) return null
  const parts = text.split(/[;；,，\n]+/).map((s) => s.trim()).filter(Boolean)
  const levels: { label: string; percent: Prisma.Decimal }[] = []
  for (const part of parts) {
    const match = /^(.+?)\s*[:：=＝\s]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(part)
    if (!match) return r.problem('ratingLevels', `评级档次“${part}”格式应为 档次:百分比，如 好:100`)
    const percent = new Prisma.Decimal(required(match[2], 'percent of a rating level'))
    if (percent.greaterThan(100)) return r.problem('ratingLevels', `评级档次“${part}”的百分比不能超过 100`)
    levels.push({ label: required(match[1], 'label of a rating level').trim(), percent })
  }
  if (new Set(levels.map((l) => l.label)).size !== levels.length) return r.problem('ratingLevels', '评级档次名称重复')
  return levels.length ? levels : null
}

export async function importSchemeIndicators(
  tx: Db,
  actor: Actor,
  file: ImportFile,
  options: { schemeId: number; version?: number | null; dryRun: boolean },
): Promise<ImportReport> {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('仅党建部管理员可以导入考核指标')
  const report = emptyReport('indicators', file, options.dryRun)
  const scheme = await tx.scheme.findUnique({ where: { id: options.schemeId } })
  if (!scheme) throw new NotFoundError('Scheme', options.schemeId, '考核方案不存在')
  const problems = new ProblemList()
  if (scheme.status !== 'DRAFT') {
    problems.file('只有草稿状态的方案可以导入指标；已发布的方案请先“修订”生成新草稿')
    return { ...report, problems: problems.items }
  }
  if (options.version != null && options.version !== scheme.version) {
    const current = await loadScheme(tx, scheme.id)
    throw new ConflictError('Scheme', scheme.id, schemeDocument(current), current.version)
  }
  const wb = await loadWorkbook(file.bytes, problems)
  if (!wb) return { ...report, problems: problems.items }
  const dimSheet = parseSheet(wb, DIMENSION_SHEET, problems, { required: true })
  const indSheet = parseSheet(wb, INDICATOR_SHEET, problems, { required: true })
  report.rowCount = dimSheet.rows.length + indSheet.rows.length
  report.sheets = [dimSheet, indSheet]
  if (!problems.length && indSheet.rows.length === 0) problems.file('“指标”工作表中没有数据行', INDICATOR_SHEET.name)

  const before = await loadScheme(tx, scheme.id)
  const shared = await tx.sharedIndicator.findMany({ where: { year: scheme.year, areaId: scheme.areaId } })
  const sharedByCode = new Map(shared.map((s) => [s.code, s]))

  const dimensions: DimensionDraft[] = []
  const dimRows = new Map<string, number>()
  for (const row of dimSheet.rows) {
    const r = reader(dimSheet, row, problems)
    const n = problems.length
    const code = r.text('code', { required: true, max: 50 })
    const name = r.text('name', { required: true, max: 100 })
    const maxPoints = r.decimal('maxPoints', { required: true })
    if (code && dimRows.has(code)) r.problem('code', `维度编码“${code}”与第 ${dimRows.get(code)} 行重复`)
    else if (code) dimRows.set(code, row.row)
    if (problems.length > n) continue
    dimensions.push({ id: before.dimensions.find((d) => d.code === code)?.id ?? null, code: required(code, 'dimension code'), name: required(name, 'dimension name'), maxPoints: required(maxPoints, 'dimension max points') })
  }

  const indicators: IndicatorDraft[] = []
  const indRows = new Map<string, number>()
  const effectiveRows = new Map<string, number>()
  for (const row of indSheet.rows) {
    const r = reader(indSheet, row, problems)
    const n = problems.length
    const code = r.text('code', { required: true, max: 50 })
    const name = r.text('name', { required: true, max: 200 })
    const dimensionCode = r.text('dimensionCode', { max: 50 })
    const method = r.choice<ScoringMethod>('method', METHOD_LABELS, { required: true })
    const maxPoints = r.decimal('maxPoints', { required: true })
    const evaluationStandard = r.text('evaluationStandard', { max: 2000 })
    const scoringGuide = r.text('scoringGuide', { max: 2000 })
    const restriction = r.choice('unitType', UNIT_RESTRICTION_LABELS)
    const levels = parseLevels(r, r.text('ratingLevels', { max: 500 }))
    const target = r.decimal('target')
    const targetUnit = r.text('targetUnit', { max: 20 })
    const defaultDeduction = r.decimal('defaultDeduction', maxPoints ? { max: maxPoints } : {})
    const sharedCode = r.text('sharedCode', { max: 50 })
    const codeRepeated = !!code && indRows.has(code)
    if (codeRepeated) r.problem('code', `指标编码“${code}”与第 ${indRows.get(code)} 行重复`)
    else if (code) indRows.set(code, row.row)
    if (dimensionCode && !dimRows.has(dimensionCode)) r.problem('dimensionCode', `维度“${dimensionCode}”不在“维度”工作表中`)
    if (method === 'BONUS' && dimensionCode) r.problem('dimensionCode', '加分项不属于任何维度，请留空')
    if (method && method !== 'BONUS' && !dimensionCode) r.problem('dimensionCode', '基础指标必须填写所属维度编码')
    if (method === 'RATING' && !levels && !sharedCode) r.problem('ratingLevels', '评级制指标必须填写评级档次')
    if (method === 'QUANTITY' && !target) r.problem('target', '数量制指标必须填写目标值')
    const sharedIndicator = sharedCode ? sharedByCode.get(sharedCode) : undefined
    if (sharedCode && !sharedIndicator) r.problem('sharedCode', `本年度本专业没有编码为“${sharedCode}”的共享指标`)
    // A shared indicator brings its own code: two rows resolving to one code were caught only by
    // the draft save, as an error without the cell (test/reliability/bad-input.test.ts).
    const effectiveCode = sharedIndicator?.code ?? code
    if (effectiveCode && !codeRepeated) {
      const first = effectiveRows.get(effectiveCode)
      if (first !== undefined) {
        r.problem(sharedIndicator ? 'sharedCode' : 'code', `指标编码“${effectiveCode}”与第 ${first} 行重复（共享指标按其编码计）`)
      } else effectiveRows.set(effectiveCode, row.row)
    }
    if (problems.length > n) continue
    indicators.push({
      id: before.indicators.find((i) => i.code === (sharedIndicator?.code ?? code))?.id ?? null,
      code: required(code, 'indicator code'),
      name: required(name, 'indicator name'),
      dimensionCode: dimensionCode ?? null,
      sharedIndicatorId: sharedIndicator?.id ?? null,
      evaluationStandard: evaluationStandard ?? '',
      scoringGuide: scoringGuide ?? '',
      method: required(method, 'indicator method'),
      maxPoints: required(maxPoints, 'indicator max points'),
      unitTypeRestriction: !restriction || restriction === 'ALL' ? null : (restriction),
      ratingLevels: levels ?? null,
      target: target ?? null,
      targetUnit: targetUnit ?? null,
      defaultDeduction: defaultDeduction ?? null,
    })
  }
  if (problems.length) return { ...report, problems: problems.items }

  // Same order as the editor's save: take the version (and the row lock) first.
  const { count } = await tx.scheme.updateMany({
    where: { id: scheme.id, version: scheme.version },
    data: { version: { increment: 1 } },
  })
  if (!count) {
    const current = await loadScheme(tx, scheme.id)
    throw new ConflictError('Scheme', scheme.id, schemeDocument(current), current.version)
  }
  await saveSchemeDraft(tx, before, { name: scheme.name, bonusCap: scheme.bonusCap, dimensions, indicators })
  const after = await loadScheme(tx, scheme.id)
  await auditImport(tx, actor, {
    action: 'scheme.importIndicators',
    entityType: 'Scheme',
    entityId: scheme.id,
    file,
    before: schemeDocument(before),
    after: { scheme: schemeDocument(after) },
  })
  const keptDims = dimensions.filter((d) => d.id != null).length
  const keptInds = indicators.filter((i) => i.id != null).length
  const removed =
    before.dimensions.length - keptDims + (before.indicators.length - keptInds)
  return {
    ...report,
    created: dimensions.length - keptDims + (indicators.length - keptInds),
    updated: keptDims + keptInds,
    warnings: problemsOf(after).map((p) => p.message),
    summary: `维度 ${dimensions.length} 个、指标 ${indicators.length} 个（新增 ${dimensions.length - keptDims + indicators.length - keptInds}，保留更新 ${keptDims + keptInds}，删除 ${removed}）`,
  }
}
