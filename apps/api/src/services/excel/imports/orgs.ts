import { required } from '@redblue/scoring'
import type { OrgCategory, Organization, ProblemCategory, UnitType } from '@redblue/db'
import type { Actor } from '../../../access'
import type { Db } from '../../../context'
import { ForbiddenError } from '../../../errors'
import { loadWorkbook, parseSheet, ProblemList, reader, type ParsedSheet, type SheetRow } from '../read'
import { CATEGORY_INPUT_LABELS, ORG_SHEET, PROBLEM_CATEGORY_SHEET, UNIT_TYPE_LABELS } from '../specs'
import { auditImport, emptyReport, type ImportFile, type ImportReport } from './common'

/**
 * 党组织 and 问题类别 from the template, matched by code: known codes are updated, new codes
 * created; orgs and categories the file does not list stay as they are. A blank optional cell
 * keeps the current value (or the default for a new row). The 类别 column sets the org's category
 * for the import year (R1: categories are assigned per year).
 */

interface OrgPlan {
  row: SheetRow
  existing: Organization | null
  code: string
  name: string
  shortName: string | null
  unitType: UnitType
  parentCode: string | null
  assessed: boolean
  active: boolean
  sortOrder: number
  category: OrgCategory | null
}

interface CategoryPlan {
  existing: ProblemCategory | null
  code: string
  name: string
  description: string
  sortOrder: number
  active: boolean
}

function duplicateCheck(sheet: ParsedSheet, problems: ProblemList) {
  const firstRow = new Map<string, number>()
  return (row: SheetRow, code: string): boolean => {
    const seen = firstRow.get(code)
    if (seen !== undefined) {
      problems.cell(sheet, row, 'code', `编码“${code}”与第 ${seen} 行重复`)
      return false
    }
    firstRow.set(code, row.row)
    return true
  }
}

async function planOrgs(tx: Db, sheet: ParsedSheet, problems: ProblemList): Promise<OrgPlan[]> {
  const existing = await tx.organization.findMany()
  const byCode = new Map(existing.map((o) => [o.code, o]))
  const byId = new Map(existing.map((o) => [o.id, o]))
  const unique = duplicateCheck(sheet, problems)
  const plans: OrgPlan[] = []
  for (const row of sheet.rows) {
    const r = reader(sheet, row, problems)
    const before = problems.length
    const code = r.text('code', { required: true, max: 50 })
    const current = code ? (byCode.get(code) ?? null) : null
    const name = r.text('name', { required: true, max: 100 })
    const shortName = r.text('shortName', { max: 50 })
    const unitType = r.choice('unitType', UNIT_TYPE_LABELS, { required: true })
    const parentCode = r.text('parentCode', { max: 50 })
    const assessed = r.yesNo('assessed', current?.assessed ?? true)
    const active = r.yesNo('active', current?.active ?? true)
    const sortOrder = r.int('sortOrder', { min: -1_000_000, max: 1_000_000 })
    const category = r.choice('category', CATEGORY_INPUT_LABELS)
    if (code && !unique(row, code)) continue
    if (code && parentCode === code) r.problem('parentCode', '上级组织不能是自身')
    if (problems.length > before) continue
    plans.push({
      row,
      existing: current,
      code: required(code, 'org code'),
      name: required(name, 'org name'),
      shortName: shortName ?? current?.shortName ?? null,
      unitType: required(unitType, 'org unit type'),
      parentCode: parentCode ?? null,
      assessed: required(assessed, 'whether the org is assessed'),
      active: required(active, 'whether the org is active'),
      sortOrder: sortOrder ?? current?.sortOrder ?? 0,
      category: category ?? null,
    })
  }

  // Parents: a code in the file or in the database; then no cycles in the resulting tree.
  const inFile = new Map(plans.map((p) => [p.code, p]))
  const parentOf = new Map<string, string | null>()
  for (const o of existing) parentOf.set(o.code, o.parentId ? (byId.get(o.parentId)?.code ?? null) : null)
  for (const p of plans) {
    if (p.parentCode && !inFile.has(p.parentCode) && !byCode.has(p.parentCode)) {
      problems.cell(sheet, p.row, 'parentCode', `上级组织编码“${p.parentCode}”不存在`)
    }
    parentOf.set(p.code, p.parentCode)
  }
  for (const p of plans) {
    const seen = new Set<string>([p.code])
    for (let at = parentOf.get(p.code) ?? null; at; at = parentOf.get(at) ?? null) {
      if (seen.has(at)) {
        problems.cell(sheet, p.row, 'parentCode', '上级组织关系形成循环')
        break
      }
      seen.add(at)
    }
  }
  return plans
}

async function planCategories(tx: Db, sheet: ParsedSheet, problems: ProblemList): Promise<CategoryPlan[]> {
  const byCode = new Map((await tx.problemCategory.findMany()).map((c) => [c.code, c]))
  const unique = duplicateCheck(sheet, problems)
  const plans: CategoryPlan[] = []
  for (const row of sheet.rows) {
    const r = reader(sheet, row, problems)
    const before = problems.length
    const code = r.text('code', { required: true, max: 50 })
    const current = code ? (byCode.get(code) ?? null) : null
    const name = r.text('name', { required: true, max: 100 })
    const description = r.text('description', { max: 1000 })
    const sortOrder = r.int('sortOrder', { min: -1_000_000, max: 1_000_000 })
    const active = r.yesNo('active', current?.active ?? true)
    if (code && !unique(row, code)) continue
    if (problems.length > before) continue
    plans.push({
      existing: current,
      code: required(code, 'problem category code'),
      name: required(name, 'problem category name'),
      description: description ?? current?.description ?? '',
      sortOrder: sortOrder ?? current?.sortOrder ?? 0,
      active: required(active, 'whether the problem category is active'),
    })
  }
  return plans
}

function orgChanged(p: OrgPlan, parentId: number | null): boolean {
  const o = required(p.existing, `existing org ${p.code}`)
  return (
    o.name !== p.name ||
    o.shortName !== p.shortName ||
    o.unitType !== p.unitType ||
    o.parentId !== parentId ||
    o.assessed !== p.assessed ||
    o.active !== p.active ||
    o.sortOrder !== p.sortOrder
  )
}

export async function importOrgs(
  tx: Db,
  actor: Actor,
  file: ImportFile,
  options: { year: number; dryRun: boolean },
): Promise<ImportReport> {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('仅党建部管理员可以导入党组织')
  const report = emptyReport('orgs', file, options.dryRun)
  const problems = new ProblemList()
  const wb = await loadWorkbook(file.bytes, problems)
  if (!wb) return { ...report, problems: problems.items }
  const orgSheet = parseSheet(wb, ORG_SHEET, problems, { required: false, allowOnlySheet: true })
  const categorySheet = parseSheet(wb, PROBLEM_CATEGORY_SHEET, problems, { required: false })
  if (!orgSheet.present && !categorySheet.present) {
    problems.file('文件中没有“党组织”或“问题类别”工作表，请使用下载的模板')
  }
  report.rowCount = orgSheet.rows.length + categorySheet.rows.length
  report.sheets = [orgSheet, categorySheet]
  if (!problems.length && report.rowCount === 0) problems.file('文件中没有可导入的数据行')
  const orgPlans = await planOrgs(tx, orgSheet, problems)
  const categoryPlans = await planCategories(tx, categorySheet, problems)
  if (problems.length) return { ...report, problems: problems.items }

  // Apply: create new orgs, then set every listed org's fields and parent (parents may be new).
  const idOf = new Map((await tx.organization.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]))
  const created: string[] = []
  const updated: string[] = []
  const before: Organization[] = []
  for (const p of orgPlans.filter((x) => !x.existing)) {
    const org = await tx.organization.create({
      data: {
        code: p.code,
        name: p.name,
        shortName: p.shortName,
        unitType: p.unitType,
        assessed: p.assessed,
        active: p.active,
        sortOrder: p.sortOrder,
      },
    })
    idOf.set(p.code, org.id)
    created.push(p.code)
  }
  for (const p of orgPlans) {
    const parentId = p.parentCode ? required(idOf.get(p.parentCode), `org ${p.parentCode}`) : null
    if (!p.existing) {
      if (parentId) await tx.organization.update({ where: { id: required(idOf.get(p.code), `org ${p.code}`) }, data: { parentId } })
      continue
    }
    if (!orgChanged(p, parentId)) continue
    before.push(p.existing)
    await tx.organization.update({
      where: { id: p.existing.id },
      data: {
        name: p.name,
        shortName: p.shortName,
        unitType: p.unitType,
        parentId,
        assessed: p.assessed,
        active: p.active,
        sortOrder: p.sortOrder,
        version: { increment: 1 },
      },
    })
    updated.push(p.code)
  }
  let categoriesSet = 0
  const existingAssignments = new Map(
    (await tx.orgCategoryAssignment.findMany({ where: { year: options.year } })).map((a) => [a.orgId, a.category]),
  )
  const assignments: { code: string; from: OrgCategory | null; to: OrgCategory }[] = []
  for (const p of orgPlans) {
    if (!p.category) continue
    const orgId = required(idOf.get(p.code), `org ${p.code}`)
    const current = existingAssignments.get(orgId) ?? null
    if (current === p.category) continue
    await tx.orgCategoryAssignment.upsert({
      where: { orgId_year: { orgId, year: options.year } },
      create: { orgId, year: options.year, category: p.category },
      update: { category: p.category },
    })
    assignments.push({ code: p.code, from: current, to: p.category })
    categoriesSet++
  }

  const categoriesCreated: string[] = []
  const categoriesUpdated: string[] = []
  const categoriesBefore: ProblemCategory[] = []
  for (const c of categoryPlans) {
    const data = { name: c.name, description: c.description, sortOrder: c.sortOrder, active: c.active }
    if (!c.existing) {
      await tx.problemCategory.create({ data: { code: c.code, ...data } })
      categoriesCreated.push(c.code)
    } else if (
      c.existing.name !== c.name ||
      c.existing.description !== c.description ||
      c.existing.sortOrder !== c.sortOrder ||
      c.existing.active !== c.active
    ) {
      categoriesBefore.push(c.existing)
      await tx.problemCategory.update({ where: { id: c.existing.id }, data: { ...data, version: { increment: 1 } } })
      categoriesUpdated.push(c.code)
    }
  }

  await auditImport(tx, actor, {
    action: 'org.import',
    entityType: 'Import',
    entityId: 'orgs',
    file,
    before: { orgs: before, problemCategories: categoriesBefore },
    after: {
      year: options.year,
      orgsCreated: created,
      orgsUpdated: updated,
      categoryAssignments: assignments,
      problemCategoriesCreated: categoriesCreated,
      problemCategoriesUpdated: categoriesUpdated,
    },
  })
  const createdCount = created.length + categoriesCreated.length
  const updatedCount = updated.length + categoriesUpdated.length
  return {
    ...report,
    created: createdCount,
    updated: updatedCount,
    summary:
      `党组织新增 ${created.length} 个、更新 ${updated.length} 个，${options.year}年类别设置 ${categoriesSet} 个；` +
      `问题类别新增 ${categoriesCreated.length} 个、更新 ${categoriesUpdated.length} 个`,
  }
}
