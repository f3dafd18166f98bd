import type { RouteData } from '@/router/meta'
import { prefetchQuery } from '@/graphql/prefetch'
import { LedgerCountsQuery, LedgerOptionsQuery, LedgerQuery } from './api'
import { ledgerVariables, parseLedgerQuery } from './lib/ledgerFilters'

/**
 * The ledger's page of items, then its counts and its filters' choices, for the filters in the
 * URL: in that order, as the page asks for them (LedgerPage).
 */
const prefetchLedger: RouteData = async (route, client) => {
  const variables = ledgerVariables(parseLedgerQuery(route.query))
  await prefetchQuery(client, LedgerQuery, variables.ledger)
  await Promise.all([prefetchQuery(client, LedgerCountsQuery, variables.counts), prefetchQuery(client, LedgerOptionsQuery, {})])
}

export default prefetchLedger
