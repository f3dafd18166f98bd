import { EnvelopArmor } from '@escape.tech/graphql-armor'
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import type { PrismaClient } from '@redblue/db'
import { createYoga, type Plugin } from 'graphql-yoga'
import type { Logger } from 'pino'
import { defaultConfig, type ApiConfig } from './config'
import { createContextFactory, pendingCookies, type Context, type ServerContext } from './context'
import { useHttpRoutes } from './http'
import { useInputGuard } from './input-guard'
import { useIntrospectionAccess } from './introspection'
import { useJitForLargeReads } from './jit'
import { logger as processLogger } from './log/logger'
import { useRequestLog, yogaLogger } from './log/request-log'
import { useQueryLimits } from './query-limits'
import { schema } from './schema'
import { maskError } from './unavailable'
import { useEvidenceDownload } from './uploads/download'
import { useStatementLanes } from './statement-lane'
import { sendUtf8Bodies } from './utf8-body'

/**
 * Header the SPA sends with every request. Yoga's CSRF prevention refuses requests a browser could
 * send cross-site without a CORS preflight (GET, form posts, multipart uploads) unless they carry
 * it; `content-type: application/json` POSTs already force a preflight, but the SPA sends the
 * header on those too so one rule covers everything.
 */
export const CSRF_HEADER = 'x-redblue-csrf'

export interface CreateApiOptions {
  prisma: PrismaClient
  config?: Partial<ApiConfig>
  /** The JSON log (default: the process's, on standard output). */
  logger?: Logger
}

/** Adds the Set-Cookie headers that resolvers queued through `ctx.setCookie`. */
function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const header of pendingCookies.get(request) ?? []) {
        response.headers.append('set-cookie', header)
      }
      pendingCookies.delete(request)
    },
  }
}

/**
 * Builds one API instance over a Prisma client. Everything stateful lives in the database, so
 * any number of instances (replicas, or the tests' two-instance check) can share one database.
 */
export function createApi(options: CreateApiOptions) {
  const config = defaultConfig(options.config)
  const logger = options.logger ?? processLogger
  const armor = new EnvelopArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 8000 },
    maxTokens: { n: 4000 },
    maxDirectives: { n: 20 },
    // Field suggestions ("Did you mean ...?") would map the schema for an attacker.
    blockFieldSuggestion: { enabled: true },
  })

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: createContextFactory(options.prisma, config),
    graphiql: config.graphiql,
    landingPage: false,
    // The SPA is served from the same origin; yoga's default CORS would reflect any Origin with
    // credentials allowed, letting other sites read responses made with our cookie.
    cors: false,
    // Unexpected errors become "Unexpected error." for clients; GraphQLErrors (ours) pass through;
    // an unreachable database is a typed 503 (SERVICE_UNAVAILABLE).
    maskedErrors: { maskError },
    maxRequestBodySize: config.maxBodyBytes,
    logging: yogaLogger(logger),
    plugins: [
      useStatementLanes(),
      useRequestLog(logger),
      ...armor.protect().plugins,
      useIntrospectionAccess(config.introspection),
      useQueryLimits(config.maxQueryCost),
      useJitForLargeReads(),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useInputGuard(),
      useResponseCookies(),
      useHttpRoutes(options.prisma, config),
      useEvidenceDownload(options.prisma, config, config.uploads),
    ],
  })
  sendUtf8Bodies(yoga.fetchAPI)
  return yoga
}

export type Api = ReturnType<typeof createApi>
