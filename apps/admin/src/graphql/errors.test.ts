import { describe, expect, it, vi } from 'vitest'
import { CombinedError } from '@urql/core'
import { GraphQLError } from 'graphql'
import { userMessage } from './errors'

const translate = (key: string) => `«${key}»`
const error = (message: string, extensions: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] })

describe('userMessage', () => {
  it('never shows GraphQL’s own text for a value it could not read', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const raw = 'Variable "$inputs" got invalid value "abc" at "inputs[7].quantityValue"; Decimal cannot represent "abc"'
    expect(userMessage(error(raw), translate)).toBe('«error.unknown»')
    expect(userMessage(error(raw, { code: 'BAD_USER_INPUT' }), translate)).toBe('«error.invalidInput»')
    expect(log).toHaveBeenCalledWith('[api]', expect.stringContaining('$inputs'))
    log.mockRestore()
  })

  it('shows the API’s typed refusals by their own message, and the rest by kind', () => {
    expect(userMessage(error('以下指标尚未评分：组织生活', { code: 'BAD_USER_INPUT', problems: [] }), translate)).toBe(
      '以下指标尚未评分：组织生活',
    )
    expect(userMessage(error('无权执行此操作', { code: 'FORBIDDEN', reason: 'ROLE' }), translate)).toBe('«error.forbidden»')
    expect(userMessage(error('记录不存在', { code: 'NOT_FOUND', entityType: 'Scheme' }), translate)).toBe('«error.notFound»')
    expect(userMessage(new CombinedError({ networkError: new Error('Failed to fetch') }), translate)).toBe('«error.network»')
  })
})
