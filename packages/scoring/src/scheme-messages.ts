import type { SchemeProblemCode } from './types'

/**
 * Message templates for scheme problems, Chinese for the admin UI and English for logs and tests.
 * `{name}` placeholders are filled from the problem's params, so a UI can also re-render them.
 */
export const SCHEME_PROBLEM_MESSAGES_ZH: Record<SchemeProblemCode, string> = {
  DIMENSION_TOTAL_NOT_100: '各维度满分合计应为 100 分，当前为 {total} 分',
  INDICATOR_TOTAL_MISMATCH:
    '维度“{dimension}”下基础指标分值合计 {indicatorTotal} 分，与维度满分 {dimensionMax} 分不一致',
  DUPLICATE_CODE: '编码“{code}”重复',
  DUPLICATE_ID: '标识“{id}”重复',
  BONUS_WITHOUT_CAP: '加分指标“{indicator}”必须设置大于 0 的加分上限',
  NON_BONUS_WITHOUT_DIMENSION: '基础指标“{indicator}”必须归属一个维度',
  BONUS_IN_DIMENSION: '加分指标“{indicator}”在 100 分之外，不能归属维度',
  UNKNOWN_DIMENSION: '指标“{indicator}”所属的维度不存在',
  RESTRICTED_BASE_INDICATOR:
    '基础指标“{indicator}”不能限定单位类型，否则另一类单位的基础分不足 100 分；只有加分指标可以限定',
  RATING_LEVELS_MISSING: '评级指标“{indicator}”必须设置评级档次',
  RATING_PERCENT_OUT_OF_RANGE: '评级档次“{level}”的得分比例应在 0–100 之间，当前为 {percent}',
  RATING_LABEL_DUPLICATE: '评级档次“{level}”重复',
  QUANTITY_TARGET_MISSING: '数量指标“{indicator}”必须设置大于 0 的目标值',
  NEGATIVE_MAX: '分值不能为负数（当前为 {value}）',
  TOO_MANY_DECIMALS: '分值最多保留两位小数（当前为 {value}）',
  INVALID_NUMBER: '“{value}”不是有效的数字',
  SCHEME_BONUS_CAP_MISSING: '方案必须设置加分总上限',
}

export const SCHEME_PROBLEM_MESSAGES_EN: Record<SchemeProblemCode, string> = {
  DIMENSION_TOTAL_NOT_100: 'Dimension maxima must total 100; they total {total}',
  INDICATOR_TOTAL_MISMATCH:
    'Base indicators of dimension "{dimension}" total {indicatorTotal}, but the dimension max is {dimensionMax}',
  DUPLICATE_CODE: 'Code "{code}" is used more than once',
  DUPLICATE_ID: 'Id "{id}" is used more than once',
  BONUS_WITHOUT_CAP: 'Bonus indicator "{indicator}" needs a cap above 0',
  NON_BONUS_WITHOUT_DIMENSION: 'Base indicator "{indicator}" must belong to a dimension',
  BONUS_IN_DIMENSION:
    'Bonus indicator "{indicator}" sits outside the 100 and cannot belong to a dimension',
  UNKNOWN_DIMENSION: 'Indicator "{indicator}" refers to a dimension that does not exist',
  RESTRICTED_BASE_INDICATOR:
    'Base indicator "{indicator}" cannot be restricted to one unit type: the other unit type\'s base would fall short of 100. Only bonus indicators may be restricted',
  RATING_LEVELS_MISSING: 'Rating indicator "{indicator}" needs rating levels',
  RATING_PERCENT_OUT_OF_RANGE:
    'Rating level "{level}" needs a percent between 0 and 100, got {percent}',
  RATING_LABEL_DUPLICATE: 'Rating level "{level}" appears more than once',
  QUANTITY_TARGET_MISSING: 'Quantity indicator "{indicator}" needs a target above 0',
  NEGATIVE_MAX: 'Points cannot be negative (got {value})',
  TOO_MANY_DECIMALS: 'Points have at most two decimals (got {value})',
  INVALID_NUMBER: '"{value}" is not a valid number',
  SCHEME_BONUS_CAP_MISSING: 'The scheme needs an overall bonus cap',
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function formatSchemeMessage(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}
