import { graphql } from '@/generated'

export const MyTodosQuery = graphql(`
  query MyTodos {
    myTodos {
      counts {
        total
      }
      items {
        kind
        title
        orgName
        dueDate
        daysLeft
        colour
        entityType
        entityId
      }
    }
  }
`)
