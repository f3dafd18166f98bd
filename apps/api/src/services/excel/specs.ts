import type { CheckMethod, OrgCategory, ScoringMethod, UnitType } from '@redblue/db'
import type { SheetSpec } from './read'

/**
 * The import sheets: one definition drives the downloadable template (headers, notes, drop-down
 * lists) and the parser (header matching, required columns), so the two cannot drift apart.
 */

export const UNIT_TYPE_LABELS: Record<string, UnitType> = {
  基层单位: 'GRASSROOTS',
  本部: 'HEADQUARTERS',
  GRASSROOTS: 'GRASSROOTS',
  HEADQUARTERS: 'HEADQUARTERS',
}

export const UNIT_RESTRICTION_LABELS: Record<string, UnitType | 'ALL'> = {
  全部: 'ALL',
  基层单位: 'GRASSROOTS',
  本部: 'HEADQUARTERS',
  ALL: 'ALL',
  GRASSROOTS: 'GRASSROOTS',
  HEADQUARTERS: 'HEADQUARTERS',
}

export const CATEGORY_INPUT_LABELS: Record<string, OrgCategory> = {
  Ⅰ类: 'I',
  Ⅱ类: 'II',
  Ⅲ类: 'III',
  I类: 'I',
  II类: 'II',
  III类: 'III',
  I: 'I',
  II: 'II',
  III: 'III',
  '1': 'I',
  '2': 'II',
  '3': 'III',
}

export const METHOD_LABELS: Record<string, ScoringMethod> = {
  扣分制: 'DEDUCTION',
  评级制: 'RATING',
  数量制: 'QUANTITY',
  加分制: 'BONUS',
  DEDUCTION: 'DEDUCTION',
  RATING: 'RATING',
  QUANTITY: 'QUANTITY',
  BONUS: 'BONUS',
}

export const METHOD_NAMES: Record<ScoringMethod, string> = {
  DEDUCTION: '扣分制',
  RATING: '评级制',
  QUANTITY: '数量制',
  BONUS: '加分制',
}

export const CHECK_METHOD_LABELS: Record<string, CheckMethod> = {
  走访座谈: 'INTERVIEW',
  查阅资料: 'DOCUMENT_REVIEW',
  现场查看: 'ONSITE_CHECK',
  INTERVIEW: 'INTERVIEW',
  DOCUMENT_REVIEW: 'DOCUMENT_REVIEW',
  ONSITE_CHECK: 'ONSITE_CHECK',
}

/** Drop-down lists in the templates (Chinese labels only). */
export const LISTS = {
  unitType: ['基层单位', '本部'],
  unitRestriction: ['全部', '基层单位', '本部'],
  category: ['Ⅰ类', 'Ⅱ类', 'Ⅲ类'],
  yesNo: ['是', '否'],
  method: ['扣分制', '评级制', '数量制', '加分制'],
  checkMethod: ['走访座谈', '查阅资料', '现场查看'],
} as const

export const ORG_SHEET: SheetSpec = {
  name: '党组织',
  fields: [
    { key: 'code', header: '编码', required: true, width: 12, note: '唯一编码；已存在的编码将更新该党组织，新编码将新增' },
    { key: 'name', header: '名称', required: true, width: 30, note: '党组织全称，最多 100 字' },
    { key: 'shortName', header: '简称', width: 14 },
    { key: 'unitType', header: '单位类型', required: true, width: 11, note: '基层单位 或 本部' },
    { key: 'parentCode', header: '上级组织编码', width: 14, note: '上级党组织的编码（可为本表中的新党组织）；留空为顶级' },
    { key: 'assessed', header: '参与考核', width: 10, note: '是/否，默认 是' },
    { key: 'active', header: '启用', width: 8, note: '是/否，默认 是' },
    { key: 'sortOrder', header: '排序', width: 8, note: '整数，越小越靠前' },
    { key: 'category', header: '类别', width: 8, note: '导入年度的类别：Ⅰ类、Ⅱ类、Ⅲ类；留空则不改变' },
  ],
}

export const PROBLEM_CATEGORY_SHEET: SheetSpec = {
  name: '问题类别',
  fields: [
    { key: 'code', header: '编码', required: true, width: 12, note: '唯一编码；已存在的编码将更新' },
    { key: 'name', header: '名称', required: true, width: 26 },
    { key: 'description', header: '说明', width: 40 },
    { key: 'sortOrder', header: '排序', width: 8 },
    { key: 'active', header: '启用', width: 8, note: '是/否，默认 是' },
  ],
}

export const DIMENSION_SHEET: SheetSpec = {
  name: '维度',
  fields: [
    { key: 'code', header: '维度编码', required: true, width: 12 },
    { key: 'name', header: '维度名称', required: true, width: 20 },
    { key: 'maxPoints', header: '分值', required: true, width: 9, note: '各维度分值合计应为 100' },
  ],
}

export const INDICATOR_SHEET: SheetSpec = {
  name: '指标',
  fields: [
    { key: 'code', header: '指标编码', required: true, width: 12 },
    { key: 'name', header: '指标名称', required: true, width: 24 },
    { key: 'dimensionCode', header: '所属维度编码', width: 13, note: '基础指标必填；加分项（加分制）留空' },
    { key: 'method', header: '计分方式', required: true, width: 10, note: '扣分制、评级制、数量制、加分制' },
    { key: 'maxPoints', header: '分值', required: true, width: 9, note: '加分项为该项上限' },
    { key: 'evaluationStandard', header: '评价标准', width: 40 },
    { key: 'scoringGuide', header: '计分说明', width: 30 },
    { key: 'unitType', header: '适用单位类型', width: 12, note: '全部、基层单位、本部；默认 全部' },
    { key: 'ratingLevels', header: '评级档次', width: 28, note: '评级制必填，如 好:100；较好:80；一般:60；差:0（百分比）' },
    { key: 'target', header: '目标值', width: 9, note: '数量制必填' },
    { key: 'targetUnit', header: '目标单位', width: 9 },
    { key: 'defaultDeduction', header: '默认扣分', width: 9, note: '扣分制：每个问题的建议扣分' },
    { key: 'sharedCode', header: '共享指标编码', width: 13, note: '“五个标准化”等共享指标的编码；填写后名称、标准等以共享指标为准' },
  ],
}

export const FINDING_SHEET: SheetSpec = {
  name: '问题清单',
  fields: [
    { key: 'orgCode', header: '党组织编码', required: true, width: 12 },
    { key: 'orgName', header: '党组织名称', width: 26, note: '仅供核对，导入时以编码为准' },
    { key: 'area', header: '专业', width: 10, note: '基层党建、党风廉政、宣传工作；本轮只有一个专业时可留空' },
    { key: 'visitDate', header: '检查日期', required: true, width: 12, note: '现场检查日期，如 2026-03-10' },
    { key: 'formNo', header: '反馈表编号', width: 18, note: '已有反馈表的编号；留空则按 党组织+检查日期 新建反馈表' },
    { key: 'indicatorCode', header: '指标编码', required: true, width: 10 },
    { key: 'problemCategory', header: '问题类别', required: true, width: 18, note: '问题类别的编码或名称' },
    { key: 'description', header: '问题描述', required: true, width: 48 },
    { key: 'checkMethod', header: '检查方式', required: true, width: 10, note: '走访座谈、查阅资料、现场查看' },
    { key: 'deduction', header: '扣分', width: 8, note: '留空则按指标的默认扣分' },
  ],
}
