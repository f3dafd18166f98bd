/** Small but real files for uploads (servers may check the content against the extension). */

/** A 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
  'base64',
)

/** A one-page PDF. */
export const PDF_MINIMAL = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** Exact two-decimal arithmetic in cents, as the product scores (no binary floating point). */
export const cents = (text: string): number => {
  const match = /(-?)(\d+)(?:\.(\d{1,2}))?/.exec(text.replace(/[−–]/g, '-'))
  if (!match) throw new Error(`No score in ${JSON.stringify(text)}`)
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'))
  return match[1] ? -value : value
}
export const fromCents = (value: number): string => (value / 100).toFixed(2)
