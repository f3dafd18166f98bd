import type { RouteData } from '@/router/meta'
import { prefetchQuery } from '@/graphql/prefetch'
import { LedgerCountsQuery, LedgerOptionsQuery, LedgerQuery } from './api'
import { ledgerVariables, parseLedgerQuery } from './lib/ledgerFilters'

/** The ledger's page of items, its counts and its filters' choices, for the filters in the URL. */
const prefetchLedger: RouteData = async (route, client) => {
  const variables = ledgerVariables(parseLedgerQuery(route.query))
  await Promise.all([
    prefetchQuery(client, LedgerQuery, variables.ledger),
    prefetchQuery(client, LedgerCountsQuery, variables.counts),
    prefetchQuery(client, LedgerOptionsQuery, {}),
  ])
}

export default prefetchLedger
