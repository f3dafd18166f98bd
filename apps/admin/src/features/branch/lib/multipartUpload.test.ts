import { afterEach, describe, expect, it, vi } from 'vitest'
import { SubmitRectificationMutation } from '../api'
import { uploadOperation } from './multipartUpload'

/** A stand-in XMLHttpRequest that records the request and lets the test drive the upload. */
class FakeXhr {
  static last: FakeXhr
  headers: Record<string, string> = {}
  method = ''
  url = ''
  body: FormData | null = null
  withCredentials = false
  status = 200
  responseText = ''
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  constructor() {
    FakeXhr.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: FormData) {
    this.body = body
  }
  abort() {
    this.onabort?.()
  }
  respond(status: number, payload: unknown) {
    this.status = status
    this.responseText = JSON.stringify(payload)
    this.onload?.()
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('uploadOperation', () => {
  it('posts the GraphQL multipart request with each file mapped into the variable', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const progress: number[] = []
    const files = [new File(['a'], 'a.pdf'), new File(['b'], 'b.png')]
    const pending = uploadOperation(
      SubmitRectificationMutation,
      { id: 5, version: 2, note: '已整改', files: null },
      files,
      { fileVariable: 'files', onProgress: (p) => progress.push(p) },
    )
    const xhr = FakeXhr.last
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/graphql')
    expect(xhr.withCredentials).toBe(true)
    expect(xhr.headers['x-redblue-csrf']).toBe('1')
    const operations = JSON.parse(xhr.body!.get('operations') as string) as { query: string; variables: unknown }
    expect(operations.query).toContain('submitRectification')
    expect(operations.variables).toEqual({ id: 5, version: 2, note: '已整改', files: [null, null] })
    expect(JSON.parse(xhr.body!.get('map') as string)).toEqual({ 0: ['variables.files.0'], 1: ['variables.files.1'] })
    expect((xhr.body!.get('1') as File).name).toBe('b.png')

    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 })
    xhr.respond(200, { data: { submitRectification: { __typename: 'Rectification', id: 5 } } })
    const result = await pending
    expect(progress).toEqual([25, 100])
    expect(result.error).toBeNull()
    expect(result.data).toEqual({ submitRectification: { __typename: 'Rectification', id: 5 } })
  })

  it('turns GraphQL errors and unreadable responses into a CombinedError', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const vars = { id: 5, version: 2, note: 'x', files: null }
    const refused = uploadOperation(SubmitRectificationMutation, vars, [], { fileVariable: 'files' })
    FakeXhr.last.respond(200, { errors: [{ message: '整改进展由本党组织提交', extensions: { code: 'FORBIDDEN' } }] })
    expect((await refused).error?.graphQLErrors[0]?.message).toBe('整改进展由本党组织提交')

    const broken = uploadOperation(SubmitRectificationMutation, vars, [], { fileVariable: 'files' })
    FakeXhr.last.status = 413
    FakeXhr.last.responseText = '<html>too large</html>'
    FakeXhr.last.onload?.()
    expect((await broken).error?.networkError?.message).toBe('HTTP 413')
  })
})
