import { boardJson, loadBoard } from '../services/board'
import { renderBoardPage } from '../services/board/page'
import { WIDGET_JS } from '../services/board/widget'
import { htmlResponse, type Route, type RouteContext } from './route'

/**
 * The public board (R11): no sign-in. The page and its JSON feed carry only published lists;
 * the feed and the script may be read cross-origin (the portal embedding the floating window
 * lives elsewhere), and nothing here uses cookies, so `*` is safe.
 */
const PUBLIC_CORS = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' }

async function boardPage(ctx: RouteContext): Promise<Response> {
  const board = await loadBoard(ctx.prisma)
  return htmlResponse(ctx, renderBoardPage(board), { 'cache-control': 'public, max-age=60' })
}

async function boardData(ctx: RouteContext): Promise<Response> {
  const board = await loadBoard(ctx.prisma)
  return new ctx.Response(JSON.stringify(boardJson(board)), {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=60',
      ...PUBLIC_CORS,
    },
  })
}

function widgetScript(ctx: RouteContext): Response {
  return new ctx.Response(WIDGET_JS, {
    status: 200,
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=300',
      ...PUBLIC_CORS,
    },
  })
}

export const boardRoutes: Route[] = [
  { pattern: /^\/board\/?$/, handler: boardPage },
  { pattern: /^\/board\/data\.json$/, handler: boardData },
  { pattern: /^\/board\/widget\.js$/, handler: widgetScript },
]
