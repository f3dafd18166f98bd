import type { RouteData } from '@/router/meta'
import { prefetchQuery } from '@/graphql/prefetch'
import { MyTodosQuery } from '@/features/todos/api'

/**
 * Home's to-dos (the header's badge reads the same answer): sent as the navigation starts, so the
 * request is on its way while the layout and home render instead of after.
 */
const prefetchHome: RouteData = async (_route, client) => {
  await prefetchQuery(client, MyTodosQuery, {})
}

export default prefetchHome
