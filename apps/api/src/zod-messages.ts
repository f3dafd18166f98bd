import { z } from 'zod'

/**
 * What a zod issue says to a person, in Chinese like every other message of the API. zod's own
 * messages ("Too big: expected string to have <=50 characters") are written for developers and
 * would reach the SPA verbatim as a field problem, so every schema without its own message gets
 * one of these; a schema's own message (`.min(1, '请填写姓名')`) still wins. The issue's `code`
 * stays on the field problem for machines.
 */
export function zodMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? '不能为空'
        : (EXPECTED[issue.expected] ?? '格式不正确')
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive !== false, issue.exact === true)
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive !== false, issue.exact === true)
    case 'invalid_format':
      return FORMAT[issue.format] ?? '格式不正确'
    case 'not_multiple_of':
      return `必须是 ${String(issue.divisor)} 的倍数`
    case 'unrecognized_keys':
      return '含有无法识别的字段'
    case 'invalid_value':
      return '不是允许的取值'
    default:
      return '格式不正确'
  }
}

const EXPECTED: Partial<Record<string, string>> = {
  string: '应为文字',
  number: '应为数字',
  int: '应为整数',
  boolean: '应为是或否',
  date: '应为日期',
  array: '应为列表',
  object: '格式不正确',
}

const FORMAT: Partial<Record<string, string>> = {
  email: '邮箱格式不正确',
  url: '网址格式不正确',
  date: '日期格式不正确',
  datetime: '时间格式不正确',
}

type Bound = number | bigint | Date

function show(bound: Bound): string {
  return bound instanceof Date ? bound.toISOString().slice(0, 10) : String(bound)
}

function tooBig(origin: string, max: Bound, inclusive: boolean, exact: boolean): string {
  const n = show(max)
  switch (origin) {
    case 'string':
      return exact ? `应为 ${n} 个字符` : `不能超过 ${n} 个字符`
    case 'array':
    case 'set':
      return exact ? `应为 ${n} 项` : `最多 ${n} 项`
    case 'date':
      return inclusive ? `不能晚于 ${n}` : `必须早于 ${n}`
    default:
      return inclusive ? `不能大于 ${n}` : `必须小于 ${n}`
  }
}

function tooSmall(origin: string, min: Bound, inclusive: boolean, exact: boolean): string {
  const n = show(min)
  switch (origin) {
    case 'string':
      if (exact) return `应为 ${n} 个字符`
      return Number(min) <= 1 ? '不能为空' : `至少 ${n} 个字符`
    case 'array':
    case 'set':
      if (exact) return `应为 ${n} 项`
      return Number(min) <= 1 ? '至少选择一项' : `至少 ${n} 项`
    case 'date':
      return inclusive ? `不能早于 ${n}` : `必须晚于 ${n}`
    default:
      return inclusive ? `不能小于 ${n}` : `必须大于 ${n}`
  }
}

/**
 * Installed once for the process, so no schema of the API can forget it. Importing this module is
 * enough; `parseInput` and the builder do.
 */
z.config({ customError: zodMessage })
