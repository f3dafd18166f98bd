/** Where the API answers GraphQL, on the SPA's own origin. */
export const GRAPHQL_URL = '/graphql'

/**
 * Headers the API requires on every request: the CSRF-prevention header (yoga refuses requests
 * without it, which a cross-site form cannot add) and JSON as the body type.
 */
export const API_HEADERS = { 'x-redblue-csrf': '1', 'content-type': 'application/json' } as const
