import { graphql } from '@/generated'

/** Inspectors to staff teams with: an administrator's list, asked for only while planning. */
export const InspectorOptionsQuery = graphql(`
  query InspectorOptions {
    users(role: INSPECTOR, active: true) {
      id
      displayName
      username
      orgId
      org {
        id
        name
      }
    }
  }
`)

export const RoundProgressQuery = graphql(`
  query RoundProgress($roundId: Int!) {
    roundProgress(roundId: $roundId) {
      orgId
      orgName
      teamId
      teamName
      assessmentId
      areaName
      stage
      findings
      pending
      disputed
    }
  }
`)

export const TransitionPreviewQuery = graphql(`
  query TransitionPreview($roundId: Int!) {
    transitionPreview(roundId: $roundId) {
      from
      to
      blockers
      assessmentsOpened
      rectifications
      ranking {
        orgId
        orgName
        areaName
        category
        base
        total
        rank
        listMark
      }
      adjustments {
        orgName
        areaName
        reason
        points
      }
      interviews {
        orgName
        areaName
      }
      deemedConfirmed {
        id
        orgName
        areaName
        description
        deduction
      }
    }
  }
`)
