/**
 * How the libraries are cut into files. Left to itself the bundler made a file of nearly every
 * naive-ui component and helper (~90 requests for one page); over HTTP/1.1's six connections per
 * host the browser spent longer queueing them than the server took to send them. Three groups,
 * one file each:
 *
 * - `vendor-initial`: what the entry needs (Vue, the router, urql, i18n, the config provider);
 * - `echarts`: charts, only for the pages that draw them;
 * - `vendor`: the rest of the libraries (naive-ui's components), for every signed-in page. The
 *   sign-in page uses none of them (native inputs and buttons), and fetches this file while the
 *   person types, with the layout and home.
 *
 * App code keeps the bundler's own split: per page, plus what pages share.
 */
const LIBRARY = /[\\/]node_modules[\\/]/

export function chunkGroups() {
  return [
    { name: 'vendor-initial', test: LIBRARY, tags: ['$initial' as const], priority: 2 },
    { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 1 },
    { name: 'vendor', test: LIBRARY, priority: 0 },
  ]
}
