import { CombinedError, stringifyDocument, type TypedDocumentNode } from '@urql/core'
import { GRAPHQL_URL } from '@/graphql/http'

/** The API refuses multipart requests without it (yoga's CSRF prevention); no JSON content type here. */
const CSRF_HEADER = 'x-redblue-csrf'

export interface UploadResult<TData> {
  data: TData | null
  error: CombinedError | null
}

/**
 * Sends a GraphQL operation with files as a multipart request (the GraphQL multipart request
 * spec) through XMLHttpRequest, because fetch cannot report upload progress. `fileVariable` names
 * the variable that holds the list of files; each file replaces a null in that list.
 */
export function uploadOperation<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  files: readonly File[],
  options: {
    fileVariable: string
    /** The variable holds one file (`file: Upload!`) rather than a list of them. */
    single?: boolean
    onProgress?: (percent: number) => void
    url?: string
    signal?: AbortSignal
  },
): Promise<UploadResult<TData>> {
  const operations = {
    query: stringifyDocument(document),
    variables: { ...variables, [options.fileVariable]: options.single ? null : files.map(() => null) },
  }
  const map: Record<string, string[]> = {}
  files.forEach((_, i) => {
    map[String(i)] = [options.single ? `variables.${options.fileVariable}` : `variables.${options.fileVariable}.${i}`]
  })
  const body = new FormData()
  body.append('operations', JSON.stringify(operations))
  body.append('map', JSON.stringify(map))
  files.forEach((file, i) => body.append(String(i), file, file.name))

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', options.url ?? GRAPHQL_URL)
    xhr.withCredentials = true
    xhr.setRequestHeader(CSRF_HEADER, '1')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)))
      }
    }
    const networkError = (message: string) =>
      resolve({ data: null, error: new CombinedError({ networkError: new Error(message) }) })
    xhr.onerror = () => networkError('Network error')
    xhr.onabort = () => networkError('Upload aborted')
    xhr.onload = () => {
      let payload: { data?: TData | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }
      try {
        payload = JSON.parse(xhr.responseText) as typeof payload
      } catch {
        resolve({
          data: null,
          error: new CombinedError({
            networkError: new Error(`HTTP ${xhr.status}`),
            response: { status: xhr.status },
          }),
        })
        return
      }
      options.onProgress?.(100)
      const errors = payload.errors ?? []
      resolve({
        data: payload.data ?? null,
        error: errors.length ? new CombinedError({ graphQLErrors: errors, response: { status: xhr.status } }) : null,
      })
    }
    options.signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(body)
  })
}
