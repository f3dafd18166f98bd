import { createServer, type Server } from 'node:http'

/**
 * A plain HTML page on another origin standing in for the company portal: it embeds the floating
 * window with the one tag the board documents, and nothing else.
 */
export async function startPortal(
  boardOrigin: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>国网某供电公司门户</title></head>
<body style="font-family: sans-serif; margin: 2rem">
<h1>国网某供电公司 · 企业门户</h1>
<p>通知公告 · 党建动态 · 安全生产 · 优质服务</p>
<ul>${Array.from({ length: 30 }, (_, i) => `<li>门户新闻标题 ${i + 1}</li>`).join('')}</ul>
<script src="${boardOrigin}/board/widget.js" async data-speed="120"></script>
</body>
</html>`
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(html)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
