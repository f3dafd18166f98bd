import { print } from 'graphql'
import { MeDocument } from '../src/generated/graphql'
import { API_HEADERS, GRAPHQL_URL } from '../src/graphql/http'
import { EARLY_SESSION_KEY } from '../src/features/auth/early-session'

/**
 * The inline script the signed-in index.html runs as it is parsed (signed-in-html.ts): it sends
 * the session check, the app's own `me` query, at once, instead of after the entry's scripts have
 * downloaded and run (~0.3–0.4 s in), and keeps the answer's promise for `takeEarlySession` (a
 * failure keeps nothing: the app then asks as usual). Built from the app's document and headers,
 * so it asks exactly what `loadCurrentUser` would. A build-time module: the app never imports it.
 */
export function earlySessionScript(): string {
  const init = {
    method: 'POST',
    credentials: 'include',
    headers: API_HEADERS,
    body: JSON.stringify({ operationName: 'Me', query: print(MeDocument), variables: {} }),
  }
  // `<` escaped: the text sits inside a <script> element, which `</script>` would end.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
  return `window[${json(EARLY_SESSION_KEY)}]=fetch(${json(GRAPHQL_URL)},${json(init)}).then(function(r){return r.json()}).catch(function(){})`
}
