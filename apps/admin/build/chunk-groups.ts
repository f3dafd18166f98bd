/**
 * How the libraries are cut into files. Left to itself the bundler made a file of nearly every
 * naive-ui component and helper (~90 requests for one page); over HTTP/1.1's six connections per
 * host the browser spent longer queueing them than the server took to send them. A few groups:
 *
 * - `vendor-initial`: what the entry needs (Vue, the router, urql, i18n, the config provider);
 * - `echarts`: charts, only for the pages that draw them;
 * - `vendor-dates`, `vendor-tree`, `vendor-tabs`: large components few pages use (below);
 * - `vendor`: the rest of the libraries (naive-ui's components), for every signed-in page. The
 *   sign-in page uses none of them (native inputs and buttons), and fetches this file while the
 *   person types, with the layout and home.
 *
 * App code keeps the bundler's own split: per page, plus what pages share.
 */
const LIBRARY = /[\\/]node_modules[\\/]/

/**
 * Components that only some pages use, a file per family, so the dashboard, the drill-down and
 * the ledger do not parse them (a quarter of `vendor`, 55 KB compressed): the date and time
 * pickers with date-fns (round, interview and rectification forms, the workbench's side panels,
 * the audit log), the tree select (the org form) and tabs (four admin pages). Only the
 * components' own code (`src/`): their theme styles are read by the config provider on every page,
 * and what they share with other components stays in `vendor` (see `includeDependenciesRecursively`).
 */
const RARE: Record<string, RegExp> = {
  dates: /[\\/]node_modules[\\/](naive-ui[\\/]es[\\/](date-picker|time-picker)[\\/]src|date-fns|date-fns-tz)[\\/]/,
  tree: /[\\/]node_modules[\\/]naive-ui[\\/]es[\\/](tree|tree-select)[\\/]src[\\/]/,
  tabs: /[\\/]node_modules[\\/]naive-ui[\\/]es[\\/]tabs[\\/]src[\\/]/,
}

function rareFamily(id: string): string | null {
  for (const [family, test] of Object.entries(RARE)) if (test.test(id)) return `vendor-${family}`
  return null
}

export function chunkGroups() {
  return [
    { name: 'vendor-initial', test: LIBRARY, tags: ['$initial' as const], priority: 3 },
    { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
    // By default a group takes its modules' dependencies along: the date picker's would have
    // pulled the input, the button and the scrollbar out of `vendor`, which every page needs.
    {
      name: rareFamily,
      test: (id: string) => rareFamily(id) !== null,
      priority: 1,
      includeDependenciesRecursively: false,
    },
    { name: 'vendor', test: LIBRARY, priority: 0 },
  ]
}
