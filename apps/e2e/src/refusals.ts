import type { Page } from 'playwright-core'

/** A GraphQL request the API refused: the page asked for something its user may not have. */
export interface Refusal {
  who: string
  url: string
  operation: string
  code: string
  message: string
}

const REFUSED = new Set(['FORBIDDEN', 'NOT_FOUND'])

/**
 * Records every refused request a page makes: an HTTP error status, or a GraphQL error whose code
 * says the user may not read or do it. A screen that asks for what its role may not read shows
 * "无权执行此操作" to a person who did nothing wrong, so a journey asserts there were none.
 */
export function watchRefusals(page: Page, who: string, into: Refusal[]) {
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/graphql')) return
    const operation = (() => {
      try {
        return (JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName ?? '?'
      } catch {
        return '?'
      }
    })()
    void request
      .response()
      .then(async (response) => {
        if (!response) return
        if (response.status() === 401 || response.status() === 403) {
          into.push({ who, url: page.url(), operation, code: String(response.status()), message: '' })
          return
        }
        const body = (await response.json().catch(() => null)) as {
          errors?: { message: string; extensions?: { code?: string } }[]
        } | null
        for (const error of body?.errors ?? []) {
          const code = error.extensions?.code ?? ''
          if (REFUSED.has(code)) into.push({ who, url: page.url(), operation, code, message: error.message })
        }
      })
      .catch(() => undefined)
  })
}
