import type { BrowserContext, Page } from 'playwright-core'

/**
 * The link a screen is measured over. Loopback (the default) measures the browser and the server;
 * a branch office reaches the intranet over a WAN link, where every round trip and every kilobyte
 * counts as well. `BENCH_NETWORK=wan` puts each page behind Chromium's network emulation (its
 * DevTools throttling: latency added to each request, bandwidth shared by the page's requests).
 */
export interface NetworkProfile {
  name: string
  /** Added to each request, ms. */
  latencyMs: number
  downloadMbps: number
  uploadMbps: number
}

export const NETWORK_PROFILES: Record<string, NetworkProfile | null> = {
  loopback: null,
  // A county branch office on the company's intranet: a shared line of some ten megabits and a
  // few tens of milliseconds to the data centre.
  wan: { name: 'wan', latencyMs: 40, downloadMbps: 10, uploadMbps: 5 },
}

export function networkProfile(name = process.env.BENCH_NETWORK ?? 'loopback'): NetworkProfile | null {
  if (!(name in NETWORK_PROFILES)) throw new Error(`Unknown BENCH_NETWORK ${name}: one of ${Object.keys(NETWORK_PROFILES).join(', ')}`)
  return NETWORK_PROFILES[name] ?? null
}

/** A new page of `context`, behind the network profile's link before it loads anything. */
export async function openPage(context: BrowserContext, profile = networkProfile()): Promise<Page> {
  const page = await context.newPage()
  if (!profile) return page
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: (profile.downloadMbps * 1_000_000) / 8,
    uploadThroughput: (profile.uploadMbps * 1_000_000) / 8,
  })
  return page
}
