/**
 * A PNG of an SVG drawing (a data URL from the SVG chart renderer), `pixelRatio` times its size
 * in CSS pixels, on a solid background: a picture people can paste into a report, where a
 * transparent one would take the document's colour.
 */
export async function svgToPng(
  svgUrl: string,
  size: { width: number; height: number },
  options: { pixelRatio: number; background: string },
): Promise<string> {
  const image = new Image()
  image.src = svgUrl
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(size.width * options.pixelRatio)
  canvas.height = Math.round(size.height * options.pixelRatio)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('No 2D canvas to draw the picture on')
  context.fillStyle = options.background
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/png')
}
