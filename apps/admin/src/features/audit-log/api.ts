import { graphql } from '@/generated'

export const AuditLogsQuery = graphql(`
  query AuditLogs($filter: AuditLogFilter, $limit: Int, $offset: Int) {
    auditLogs(filter: $filter, limit: $limit, offset: $offset) {
      id
      at
      action
      entityType
      entityId
      ip
      actor {
        id
        displayName
        username
      }
      before
      after
    }
  }
`)

/** Everyone who can act, for the "who did it" filter (the page is for administrators). */
export const AuditActorsQuery = graphql(`
  query AuditActors {
    users {
      id
      username
      displayName
    }
  }
`)
