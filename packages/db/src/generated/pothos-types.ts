/* eslint-disable */
import type { Prisma, Organization, OrgCategoryAssignment, Area, Scheme, Dimension, SharedIndicator, Indicator, RuleSet, User, Session, LoginAttempt, InspectionRound, RoundArea, RoundStatusChange, InspectionTeam, TeamMember, TrainingRecord, TeamAssignment, Assessment, IndicatorInput, AssessmentDimensionScore, ProblemCategory, FeedbackForm, Finding, ReconciliationRecord, EvidenceFile, Rectification, RectificationEvent, Interview, InterviewItem, PerformanceAdjustment, AnnualComponentScore, AnnualResult, Notice, AuditLog } from "./prisma/client.ts";
import type { PothosPrismaDatamodel } from "@pothos/plugin-prisma";
export default interface PrismaTypes {
    Organization: {
        Name: "Organization";
        Shape: Organization;
        Include: Prisma.OrganizationInclude;
        Select: Prisma.OrganizationSelect;
        OrderBy: Prisma.OrganizationOrderByWithRelationInput;
        WhereUnique: Prisma.OrganizationWhereUniqueInput;
        Where: Prisma.OrganizationWhereInput;
        Create: {};
        Update: {};
        RelationName: "parent" | "children" | "categoryAssignments" | "users" | "teamAssignments" | "assessments" | "feedbackForms" | "findings" | "rectifications" | "interviews" | "performanceAdjustments" | "annualResults" | "annualComponentScores";
        ListRelations: "children" | "categoryAssignments" | "users" | "teamAssignments" | "assessments" | "feedbackForms" | "findings" | "rectifications" | "interviews" | "performanceAdjustments" | "annualResults" | "annualComponentScores";
        Relations: {
            parent: {
                Shape: Organization | null;
                Name: "Organization";
                Nullable: true;
            };
            children: {
                Shape: Organization[];
                Name: "Organization";
                Nullable: false;
            };
            categoryAssignments: {
                Shape: OrgCategoryAssignment[];
                Name: "OrgCategoryAssignment";
                Nullable: false;
            };
            users: {
                Shape: User[];
                Name: "User";
                Nullable: false;
            };
            teamAssignments: {
                Shape: TeamAssignment[];
                Name: "TeamAssignment";
                Nullable: false;
            };
            assessments: {
                Shape: Assessment[];
                Name: "Assessment";
                Nullable: false;
            };
            feedbackForms: {
                Shape: FeedbackForm[];
                Name: "FeedbackForm";
                Nullable: false;
            };
            findings: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
            rectifications: {
                Shape: Rectification[];
                Name: "Rectification";
                Nullable: false;
            };
            interviews: {
                Shape: Interview[];
                Name: "Interview";
                Nullable: false;
            };
            performanceAdjustments: {
                Shape: PerformanceAdjustment[];
                Name: "PerformanceAdjustment";
                Nullable: false;
            };
            annualResults: {
                Shape: AnnualResult[];
                Name: "AnnualResult";
                Nullable: false;
            };
            annualComponentScores: {
                Shape: AnnualComponentScore[];
                Name: "AnnualComponentScore";
                Nullable: false;
            };
        };
    };
    OrgCategoryAssignment: {
        Name: "OrgCategoryAssignment";
        Shape: OrgCategoryAssignment;
        Include: Prisma.OrgCategoryAssignmentInclude;
        Select: Prisma.OrgCategoryAssignmentSelect;
        OrderBy: Prisma.OrgCategoryAssignmentOrderByWithRelationInput;
        WhereUnique: Prisma.OrgCategoryAssignmentWhereUniqueInput;
        Where: Prisma.OrgCategoryAssignmentWhereInput;
        Create: {};
        Update: {};
        RelationName: "org";
        ListRelations: never;
        Relations: {
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
        };
    };
    Area: {
        Name: "Area";
        Shape: Area;
        Include: Prisma.AreaInclude;
        Select: Prisma.AreaSelect;
        OrderBy: Prisma.AreaOrderByWithRelationInput;
        WhereUnique: Prisma.AreaWhereUniqueInput;
        Where: Prisma.AreaWhereInput;
        Create: {};
        Update: {};
        RelationName: "schemes" | "sharedIndicators" | "roundAreas" | "assessments" | "findings" | "interviews" | "adjustments";
        ListRelations: "schemes" | "sharedIndicators" | "roundAreas" | "assessments" | "findings" | "interviews" | "adjustments";
        Relations: {
            schemes: {
                Shape: Scheme[];
                Name: "Scheme";
                Nullable: false;
            };
            sharedIndicators: {
                Shape: SharedIndicator[];
                Name: "SharedIndicator";
                Nullable: false;
            };
            roundAreas: {
                Shape: RoundArea[];
                Name: "RoundArea";
                Nullable: false;
            };
            assessments: {
                Shape: Assessment[];
                Name: "Assessment";
                Nullable: false;
            };
            findings: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
            interviews: {
                Shape: Interview[];
                Name: "Interview";
                Nullable: false;
            };
            adjustments: {
                Shape: PerformanceAdjustment[];
                Name: "PerformanceAdjustment";
                Nullable: false;
            };
        };
    };
    Scheme: {
        Name: "Scheme";
        Shape: Scheme;
        Include: Prisma.SchemeInclude;
        Select: Prisma.SchemeSelect;
        OrderBy: Prisma.SchemeOrderByWithRelationInput;
        WhereUnique: Prisma.SchemeWhereUniqueInput;
        Where: Prisma.SchemeWhereInput;
        Create: {};
        Update: {};
        RelationName: "area" | "previousRevision" | "nextRevisions" | "clonedFrom" | "clones" | "publishedBy" | "dimensions" | "indicators" | "assessments";
        ListRelations: "nextRevisions" | "clones" | "dimensions" | "indicators" | "assessments";
        Relations: {
            area: {
                Shape: Area;
                Name: "Area";
                Nullable: false;
            };
            previousRevision: {
                Shape: Scheme | null;
                Name: "Scheme";
                Nullable: true;
            };
            nextRevisions: {
                Shape: Scheme[];
                Name: "Scheme";
                Nullable: false;
            };
            clonedFrom: {
                Shape: Scheme | null;
                Name: "Scheme";
                Nullable: true;
            };
            clones: {
                Shape: Scheme[];
                Name: "Scheme";
                Nullable: false;
            };
            publishedBy: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
            dimensions: {
                Shape: Dimension[];
                Name: "Dimension";
                Nullable: false;
            };
            indicators: {
                Shape: Indicator[];
                Name: "Indicator";
                Nullable: false;
            };
            assessments: {
                Shape: Assessment[];
                Name: "Assessment";
                Nullable: false;
            };
        };
    };
    Dimension: {
        Name: "Dimension";
        Shape: Dimension;
        Include: Prisma.DimensionInclude;
        Select: Prisma.DimensionSelect;
        OrderBy: Prisma.DimensionOrderByWithRelationInput;
        WhereUnique: Prisma.DimensionWhereUniqueInput;
        Where: Prisma.DimensionWhereInput;
        Create: {};
        Update: {};
        RelationName: "scheme" | "indicators";
        ListRelations: "indicators";
        Relations: {
            scheme: {
                Shape: Scheme;
                Name: "Scheme";
                Nullable: false;
            };
            indicators: {
                Shape: Indicator[];
                Name: "Indicator";
                Nullable: false;
            };
        };
    };
    SharedIndicator: {
        Name: "SharedIndicator";
        Shape: SharedIndicator;
        Include: Prisma.SharedIndicatorInclude;
        Select: Prisma.SharedIndicatorSelect;
        OrderBy: Prisma.SharedIndicatorOrderByWithRelationInput;
        WhereUnique: Prisma.SharedIndicatorWhereUniqueInput;
        Where: Prisma.SharedIndicatorWhereInput;
        Create: {};
        Update: {};
        RelationName: "area" | "indicators";
        ListRelations: "indicators";
        Relations: {
            area: {
                Shape: Area;
                Name: "Area";
                Nullable: false;
            };
            indicators: {
                Shape: Indicator[];
                Name: "Indicator";
                Nullable: false;
            };
        };
    };
    Indicator: {
        Name: "Indicator";
        Shape: Indicator;
        Include: Prisma.IndicatorInclude;
        Select: Prisma.IndicatorSelect;
        OrderBy: Prisma.IndicatorOrderByWithRelationInput;
        WhereUnique: Prisma.IndicatorWhereUniqueInput;
        Where: Prisma.IndicatorWhereInput;
        Create: {};
        Update: {};
        RelationName: "scheme" | "dimension" | "sharedIndicator" | "inputs" | "findings";
        ListRelations: "inputs" | "findings";
        Relations: {
            scheme: {
                Shape: Scheme;
                Name: "Scheme";
                Nullable: false;
            };
            dimension: {
                Shape: Dimension | null;
                Name: "Dimension";
                Nullable: true;
            };
            sharedIndicator: {
                Shape: SharedIndicator | null;
                Name: "SharedIndicator";
                Nullable: true;
            };
            inputs: {
                Shape: IndicatorInput[];
                Name: "IndicatorInput";
                Nullable: false;
            };
            findings: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
        };
    };
    RuleSet: {
        Name: "RuleSet";
        Shape: RuleSet;
        Include: never;
        Select: Prisma.RuleSetSelect;
        OrderBy: Prisma.RuleSetOrderByWithRelationInput;
        WhereUnique: Prisma.RuleSetWhereUniqueInput;
        Where: Prisma.RuleSetWhereInput;
        Create: {};
        Update: {};
        RelationName: never;
        ListRelations: never;
        Relations: {};
    };
    User: {
        Name: "User";
        Shape: User;
        Include: Prisma.UserInclude;
        Select: Prisma.UserSelect;
        OrderBy: Prisma.UserOrderByWithRelationInput;
        WhereUnique: Prisma.UserWhereUniqueInput;
        Where: Prisma.UserWhereInput;
        Create: {};
        Update: {};
        RelationName: "org" | "sessions" | "teamMemberships" | "auditLogs" | "publishedSchemes" | "statusChanges" | "findingsCreated" | "reconciliations" | "rectificationEvts" | "evidenceUploaded" | "formsCreated" | "assessmentsEdited";
        ListRelations: "sessions" | "teamMemberships" | "auditLogs" | "publishedSchemes" | "statusChanges" | "findingsCreated" | "reconciliations" | "rectificationEvts" | "evidenceUploaded" | "formsCreated" | "assessmentsEdited";
        Relations: {
            org: {
                Shape: Organization | null;
                Name: "Organization";
                Nullable: true;
            };
            sessions: {
                Shape: Session[];
                Name: "Session";
                Nullable: false;
            };
            teamMemberships: {
                Shape: TeamMember[];
                Name: "TeamMember";
                Nullable: false;
            };
            auditLogs: {
                Shape: AuditLog[];
                Name: "AuditLog";
                Nullable: false;
            };
            publishedSchemes: {
                Shape: Scheme[];
                Name: "Scheme";
                Nullable: false;
            };
            statusChanges: {
                Shape: RoundStatusChange[];
                Name: "RoundStatusChange";
                Nullable: false;
            };
            findingsCreated: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
            reconciliations: {
                Shape: ReconciliationRecord[];
                Name: "ReconciliationRecord";
                Nullable: false;
            };
            rectificationEvts: {
                Shape: RectificationEvent[];
                Name: "RectificationEvent";
                Nullable: false;
            };
            evidenceUploaded: {
                Shape: EvidenceFile[];
                Name: "EvidenceFile";
                Nullable: false;
            };
            formsCreated: {
                Shape: FeedbackForm[];
                Name: "FeedbackForm";
                Nullable: false;
            };
            assessmentsEdited: {
                Shape: Assessment[];
                Name: "Assessment";
                Nullable: false;
            };
        };
    };
    Session: {
        Name: "Session";
        Shape: Session;
        Include: Prisma.SessionInclude;
        Select: Prisma.SessionSelect;
        OrderBy: Prisma.SessionOrderByWithRelationInput;
        WhereUnique: Prisma.SessionWhereUniqueInput;
        Where: Prisma.SessionWhereInput;
        Create: {};
        Update: {};
        RelationName: "user";
        ListRelations: never;
        Relations: {
            user: {
                Shape: User;
                Name: "User";
                Nullable: false;
            };
        };
    };
    LoginAttempt: {
        Name: "LoginAttempt";
        Shape: LoginAttempt;
        Include: never;
        Select: Prisma.LoginAttemptSelect;
        OrderBy: Prisma.LoginAttemptOrderByWithRelationInput;
        WhereUnique: Prisma.LoginAttemptWhereUniqueInput;
        Where: Prisma.LoginAttemptWhereInput;
        Create: {};
        Update: {};
        RelationName: never;
        ListRelations: never;
        Relations: {};
    };
    InspectionRound: {
        Name: "InspectionRound";
        Shape: InspectionRound;
        Include: Prisma.InspectionRoundInclude;
        Select: Prisma.InspectionRoundSelect;
        OrderBy: Prisma.InspectionRoundOrderByWithRelationInput;
        WhereUnique: Prisma.InspectionRoundWhereUniqueInput;
        Where: Prisma.InspectionRoundWhereInput;
        Create: {};
        Update: {};
        RelationName: "previousRound" | "nextRounds" | "areas" | "statusChanges" | "teams" | "assignments" | "assessments" | "feedbackForms" | "findings" | "rectificationsOpened" | "rectificationEvents" | "interviews" | "performanceAdjustments" | "notice";
        ListRelations: "nextRounds" | "areas" | "statusChanges" | "teams" | "assignments" | "assessments" | "feedbackForms" | "findings" | "rectificationsOpened" | "rectificationEvents" | "interviews" | "performanceAdjustments";
        Relations: {
            previousRound: {
                Shape: InspectionRound | null;
                Name: "InspectionRound";
                Nullable: true;
            };
            nextRounds: {
                Shape: InspectionRound[];
                Name: "InspectionRound";
                Nullable: false;
            };
            areas: {
                Shape: RoundArea[];
                Name: "RoundArea";
                Nullable: false;
            };
            statusChanges: {
                Shape: RoundStatusChange[];
                Name: "RoundStatusChange";
                Nullable: false;
            };
            teams: {
                Shape: InspectionTeam[];
                Name: "InspectionTeam";
                Nullable: false;
            };
            assignments: {
                Shape: TeamAssignment[];
                Name: "TeamAssignment";
                Nullable: false;
            };
            assessments: {
                Shape: Assessment[];
                Name: "Assessment";
                Nullable: false;
            };
            feedbackForms: {
                Shape: FeedbackForm[];
                Name: "FeedbackForm";
                Nullable: false;
            };
            findings: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
            rectificationsOpened: {
                Shape: Rectification[];
                Name: "Rectification";
                Nullable: false;
            };
            rectificationEvents: {
                Shape: RectificationEvent[];
                Name: "RectificationEvent";
                Nullable: false;
            };
            interviews: {
                Shape: Interview[];
                Name: "Interview";
                Nullable: false;
            };
            performanceAdjustments: {
                Shape: PerformanceAdjustment[];
                Name: "PerformanceAdjustment";
                Nullable: false;
            };
            notice: {
                Shape: Notice | null;
                Name: "Notice";
                Nullable: true;
            };
        };
    };
    RoundArea: {
        Name: "RoundArea";
        Shape: RoundArea;
        Include: Prisma.RoundAreaInclude;
        Select: Prisma.RoundAreaSelect;
        OrderBy: Prisma.RoundAreaOrderByWithRelationInput;
        WhereUnique: Prisma.RoundAreaWhereUniqueInput;
        Where: Prisma.RoundAreaWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "area";
        ListRelations: never;
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            area: {
                Shape: Area;
                Name: "Area";
                Nullable: false;
            };
        };
    };
    RoundStatusChange: {
        Name: "RoundStatusChange";
        Shape: RoundStatusChange;
        Include: Prisma.RoundStatusChangeInclude;
        Select: Prisma.RoundStatusChangeSelect;
        OrderBy: Prisma.RoundStatusChangeOrderByWithRelationInput;
        WhereUnique: Prisma.RoundStatusChangeWhereUniqueInput;
        Where: Prisma.RoundStatusChangeWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "actor";
        ListRelations: never;
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            actor: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
        };
    };
    InspectionTeam: {
        Name: "InspectionTeam";
        Shape: InspectionTeam;
        Include: Prisma.InspectionTeamInclude;
        Select: Prisma.InspectionTeamSelect;
        OrderBy: Prisma.InspectionTeamOrderByWithRelationInput;
        WhereUnique: Prisma.InspectionTeamWhereUniqueInput;
        Where: Prisma.InspectionTeamWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "members" | "trainingRecords" | "assignments" | "feedbackForms";
        ListRelations: "members" | "trainingRecords" | "assignments" | "feedbackForms";
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            members: {
                Shape: TeamMember[];
                Name: "TeamMember";
                Nullable: false;
            };
            trainingRecords: {
                Shape: TrainingRecord[];
                Name: "TrainingRecord";
                Nullable: false;
            };
            assignments: {
                Shape: TeamAssignment[];
                Name: "TeamAssignment";
                Nullable: false;
            };
            feedbackForms: {
                Shape: FeedbackForm[];
                Name: "FeedbackForm";
                Nullable: false;
            };
        };
    };
    TeamMember: {
        Name: "TeamMember";
        Shape: TeamMember;
        Include: Prisma.TeamMemberInclude;
        Select: Prisma.TeamMemberSelect;
        OrderBy: Prisma.TeamMemberOrderByWithRelationInput;
        WhereUnique: Prisma.TeamMemberWhereUniqueInput;
        Where: Prisma.TeamMemberWhereInput;
        Create: {};
        Update: {};
        RelationName: "team" | "user";
        ListRelations: never;
        Relations: {
            team: {
                Shape: InspectionTeam;
                Name: "InspectionTeam";
                Nullable: false;
            };
            user: {
                Shape: User;
                Name: "User";
                Nullable: false;
            };
        };
    };
    TrainingRecord: {
        Name: "TrainingRecord";
        Shape: TrainingRecord;
        Include: Prisma.TrainingRecordInclude;
        Select: Prisma.TrainingRecordSelect;
        OrderBy: Prisma.TrainingRecordOrderByWithRelationInput;
        WhereUnique: Prisma.TrainingRecordWhereUniqueInput;
        Where: Prisma.TrainingRecordWhereInput;
        Create: {};
        Update: {};
        RelationName: "team";
        ListRelations: never;
        Relations: {
            team: {
                Shape: InspectionTeam;
                Name: "InspectionTeam";
                Nullable: false;
            };
        };
    };
    TeamAssignment: {
        Name: "TeamAssignment";
        Shape: TeamAssignment;
        Include: Prisma.TeamAssignmentInclude;
        Select: Prisma.TeamAssignmentSelect;
        OrderBy: Prisma.TeamAssignmentOrderByWithRelationInput;
        WhereUnique: Prisma.TeamAssignmentWhereUniqueInput;
        Where: Prisma.TeamAssignmentWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "team" | "org";
        ListRelations: never;
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            team: {
                Shape: InspectionTeam;
                Name: "InspectionTeam";
                Nullable: false;
            };
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
        };
    };
    Assessment: {
        Name: "Assessment";
        Shape: Assessment;
        Include: Prisma.AssessmentInclude;
        Select: Prisma.AssessmentSelect;
        OrderBy: Prisma.AssessmentOrderByWithRelationInput;
        WhereUnique: Prisma.AssessmentWhereUniqueInput;
        Where: Prisma.AssessmentWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "org" | "area" | "scheme" | "updatedBy" | "inputs" | "dimensionScores" | "findings";
        ListRelations: "inputs" | "dimensionScores" | "findings";
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
            area: {
                Shape: Area;
                Name: "Area";
                Nullable: false;
            };
            scheme: {
                Shape: Scheme;
                Name: "Scheme";
                Nullable: false;
            };
            updatedBy: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
            inputs: {
                Shape: IndicatorInput[];
                Name: "IndicatorInput";
                Nullable: false;
            };
            dimensionScores: {
                Shape: AssessmentDimensionScore[];
                Name: "AssessmentDimensionScore";
                Nullable: false;
            };
            findings: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
        };
    };
    IndicatorInput: {
        Name: "IndicatorInput";
        Shape: IndicatorInput;
        Include: Prisma.IndicatorInputInclude;
        Select: Prisma.IndicatorInputSelect;
        OrderBy: Prisma.IndicatorInputOrderByWithRelationInput;
        WhereUnique: Prisma.IndicatorInputWhereUniqueInput;
        Where: Prisma.IndicatorInputWhereInput;
        Create: {};
        Update: {};
        RelationName: "assessment" | "indicator";
        ListRelations: never;
        Relations: {
            assessment: {
                Shape: Assessment;
                Name: "Assessment";
                Nullable: false;
            };
            indicator: {
                Shape: Indicator;
                Name: "Indicator";
                Nullable: false;
            };
        };
    };
    AssessmentDimensionScore: {
        Name: "AssessmentDimensionScore";
        Shape: AssessmentDimensionScore;
        Include: Prisma.AssessmentDimensionScoreInclude;
        Select: Prisma.AssessmentDimensionScoreSelect;
        OrderBy: Prisma.AssessmentDimensionScoreOrderByWithRelationInput;
        WhereUnique: Prisma.AssessmentDimensionScoreWhereUniqueInput;
        Where: Prisma.AssessmentDimensionScoreWhereInput;
        Create: {};
        Update: {};
        RelationName: "assessment";
        ListRelations: never;
        Relations: {
            assessment: {
                Shape: Assessment;
                Name: "Assessment";
                Nullable: false;
            };
        };
    };
    ProblemCategory: {
        Name: "ProblemCategory";
        Shape: ProblemCategory;
        Include: Prisma.ProblemCategoryInclude;
        Select: Prisma.ProblemCategorySelect;
        OrderBy: Prisma.ProblemCategoryOrderByWithRelationInput;
        WhereUnique: Prisma.ProblemCategoryWhereUniqueInput;
        Where: Prisma.ProblemCategoryWhereInput;
        Create: {};
        Update: {};
        RelationName: "findings" | "rectifications";
        ListRelations: "findings" | "rectifications";
        Relations: {
            findings: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
            rectifications: {
                Shape: Rectification[];
                Name: "Rectification";
                Nullable: false;
            };
        };
    };
    FeedbackForm: {
        Name: "FeedbackForm";
        Shape: FeedbackForm;
        Include: Prisma.FeedbackFormInclude;
        Select: Prisma.FeedbackFormSelect;
        OrderBy: Prisma.FeedbackFormOrderByWithRelationInput;
        WhereUnique: Prisma.FeedbackFormWhereUniqueInput;
        Where: Prisma.FeedbackFormWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "org" | "team" | "createdBy" | "findings";
        ListRelations: "findings";
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
            team: {
                Shape: InspectionTeam | null;
                Name: "InspectionTeam";
                Nullable: true;
            };
            createdBy: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
            findings: {
                Shape: Finding[];
                Name: "Finding";
                Nullable: false;
            };
        };
    };
    Finding: {
        Name: "Finding";
        Shape: Finding;
        Include: Prisma.FindingInclude;
        Select: Prisma.FindingSelect;
        OrderBy: Prisma.FindingOrderByWithRelationInput;
        WhereUnique: Prisma.FindingWhereUniqueInput;
        Where: Prisma.FindingWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "org" | "area" | "assessment" | "indicator" | "problemCategory" | "feedbackForm" | "createdBy" | "reconciliations" | "evidence" | "rectification";
        ListRelations: "reconciliations" | "evidence";
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
            area: {
                Shape: Area;
                Name: "Area";
                Nullable: false;
            };
            assessment: {
                Shape: Assessment;
                Name: "Assessment";
                Nullable: false;
            };
            indicator: {
                Shape: Indicator;
                Name: "Indicator";
                Nullable: false;
            };
            problemCategory: {
                Shape: ProblemCategory;
                Name: "ProblemCategory";
                Nullable: false;
            };
            feedbackForm: {
                Shape: FeedbackForm | null;
                Name: "FeedbackForm";
                Nullable: true;
            };
            createdBy: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
            reconciliations: {
                Shape: ReconciliationRecord[];
                Name: "ReconciliationRecord";
                Nullable: false;
            };
            evidence: {
                Shape: EvidenceFile[];
                Name: "EvidenceFile";
                Nullable: false;
            };
            rectification: {
                Shape: Rectification | null;
                Name: "Rectification";
                Nullable: true;
            };
        };
    };
    ReconciliationRecord: {
        Name: "ReconciliationRecord";
        Shape: ReconciliationRecord;
        Include: Prisma.ReconciliationRecordInclude;
        Select: Prisma.ReconciliationRecordSelect;
        OrderBy: Prisma.ReconciliationRecordOrderByWithRelationInput;
        WhereUnique: Prisma.ReconciliationRecordWhereUniqueInput;
        Where: Prisma.ReconciliationRecordWhereInput;
        Create: {};
        Update: {};
        RelationName: "finding" | "actor";
        ListRelations: never;
        Relations: {
            finding: {
                Shape: Finding;
                Name: "Finding";
                Nullable: false;
            };
            actor: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
        };
    };
    EvidenceFile: {
        Name: "EvidenceFile";
        Shape: EvidenceFile;
        Include: Prisma.EvidenceFileInclude;
        Select: Prisma.EvidenceFileSelect;
        OrderBy: Prisma.EvidenceFileOrderByWithRelationInput;
        WhereUnique: Prisma.EvidenceFileWhereUniqueInput;
        Where: Prisma.EvidenceFileWhereInput;
        Create: {};
        Update: {};
        RelationName: "finding" | "rectificationEvent" | "uploadedBy";
        ListRelations: never;
        Relations: {
            finding: {
                Shape: Finding | null;
                Name: "Finding";
                Nullable: true;
            };
            rectificationEvent: {
                Shape: RectificationEvent | null;
                Name: "RectificationEvent";
                Nullable: true;
            };
            uploadedBy: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
        };
    };
    Rectification: {
        Name: "Rectification";
        Shape: Rectification;
        Include: Prisma.RectificationInclude;
        Select: Prisma.RectificationSelect;
        OrderBy: Prisma.RectificationOrderByWithRelationInput;
        WhereUnique: Prisma.RectificationWhereUniqueInput;
        Where: Prisma.RectificationWhereInput;
        Create: {};
        Update: {};
        RelationName: "finding" | "interviewItem" | "org" | "round" | "problemCategory" | "events";
        ListRelations: "events";
        Relations: {
            finding: {
                Shape: Finding | null;
                Name: "Finding";
                Nullable: true;
            };
            interviewItem: {
                Shape: InterviewItem | null;
                Name: "InterviewItem";
                Nullable: true;
            };
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            problemCategory: {
                Shape: ProblemCategory | null;
                Name: "ProblemCategory";
                Nullable: true;
            };
            events: {
                Shape: RectificationEvent[];
                Name: "RectificationEvent";
                Nullable: false;
            };
        };
    };
    RectificationEvent: {
        Name: "RectificationEvent";
        Shape: RectificationEvent;
        Include: Prisma.RectificationEventInclude;
        Select: Prisma.RectificationEventSelect;
        OrderBy: Prisma.RectificationEventOrderByWithRelationInput;
        WhereUnique: Prisma.RectificationEventWhereUniqueInput;
        Where: Prisma.RectificationEventWhereInput;
        Create: {};
        Update: {};
        RelationName: "rectification" | "round" | "actor" | "evidence";
        ListRelations: "evidence";
        Relations: {
            rectification: {
                Shape: Rectification;
                Name: "Rectification";
                Nullable: false;
            };
            round: {
                Shape: InspectionRound | null;
                Name: "InspectionRound";
                Nullable: true;
            };
            actor: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
            evidence: {
                Shape: EvidenceFile[];
                Name: "EvidenceFile";
                Nullable: false;
            };
        };
    };
    Interview: {
        Name: "Interview";
        Shape: Interview;
        Include: Prisma.InterviewInclude;
        Select: Prisma.InterviewSelect;
        OrderBy: Prisma.InterviewOrderByWithRelationInput;
        WhereUnique: Prisma.InterviewWhereUniqueInput;
        Where: Prisma.InterviewWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "org" | "area" | "items";
        ListRelations: "items";
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
            area: {
                Shape: Area;
                Name: "Area";
                Nullable: false;
            };
            items: {
                Shape: InterviewItem[];
                Name: "InterviewItem";
                Nullable: false;
            };
        };
    };
    InterviewItem: {
        Name: "InterviewItem";
        Shape: InterviewItem;
        Include: Prisma.InterviewItemInclude;
        Select: Prisma.InterviewItemSelect;
        OrderBy: Prisma.InterviewItemOrderByWithRelationInput;
        WhereUnique: Prisma.InterviewItemWhereUniqueInput;
        Where: Prisma.InterviewItemWhereInput;
        Create: {};
        Update: {};
        RelationName: "interview" | "rectification";
        ListRelations: never;
        Relations: {
            interview: {
                Shape: Interview;
                Name: "Interview";
                Nullable: false;
            };
            rectification: {
                Shape: Rectification | null;
                Name: "Rectification";
                Nullable: true;
            };
        };
    };
    PerformanceAdjustment: {
        Name: "PerformanceAdjustment";
        Shape: PerformanceAdjustment;
        Include: Prisma.PerformanceAdjustmentInclude;
        Select: Prisma.PerformanceAdjustmentSelect;
        OrderBy: Prisma.PerformanceAdjustmentOrderByWithRelationInput;
        WhereUnique: Prisma.PerformanceAdjustmentWhereUniqueInput;
        Where: Prisma.PerformanceAdjustmentWhereInput;
        Create: {};
        Update: {};
        RelationName: "round" | "org" | "area";
        ListRelations: never;
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
            area: {
                Shape: Area;
                Name: "Area";
                Nullable: false;
            };
        };
    };
    AnnualComponentScore: {
        Name: "AnnualComponentScore";
        Shape: AnnualComponentScore;
        Include: Prisma.AnnualComponentScoreInclude;
        Select: Prisma.AnnualComponentScoreSelect;
        OrderBy: Prisma.AnnualComponentScoreOrderByWithRelationInput;
        WhereUnique: Prisma.AnnualComponentScoreWhereUniqueInput;
        Where: Prisma.AnnualComponentScoreWhereInput;
        Create: {};
        Update: {};
        RelationName: "org";
        ListRelations: never;
        Relations: {
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
        };
    };
    AnnualResult: {
        Name: "AnnualResult";
        Shape: AnnualResult;
        Include: Prisma.AnnualResultInclude;
        Select: Prisma.AnnualResultSelect;
        OrderBy: Prisma.AnnualResultOrderByWithRelationInput;
        WhereUnique: Prisma.AnnualResultWhereUniqueInput;
        Where: Prisma.AnnualResultWhereInput;
        Create: {};
        Update: {};
        RelationName: "org";
        ListRelations: never;
        Relations: {
            org: {
                Shape: Organization;
                Name: "Organization";
                Nullable: false;
            };
        };
    };
    Notice: {
        Name: "Notice";
        Shape: Notice;
        Include: Prisma.NoticeInclude;
        Select: Prisma.NoticeSelect;
        OrderBy: Prisma.NoticeOrderByWithRelationInput;
        WhereUnique: Prisma.NoticeWhereUniqueInput;
        Where: Prisma.NoticeWhereInput;
        Create: {};
        Update: {};
        RelationName: "round";
        ListRelations: never;
        Relations: {
            round: {
                Shape: InspectionRound;
                Name: "InspectionRound";
                Nullable: false;
            };
        };
    };
    AuditLog: {
        Name: "AuditLog";
        Shape: AuditLog;
        Include: Prisma.AuditLogInclude;
        Select: Prisma.AuditLogSelect;
        OrderBy: Prisma.AuditLogOrderByWithRelationInput;
        WhereUnique: Prisma.AuditLogWhereUniqueInput;
        Where: Prisma.AuditLogWhereInput;
        Create: {};
        Update: {};
        RelationName: "actor";
        ListRelations: never;
        Relations: {
            actor: {
                Shape: User | null;
                Name: "User";
                Nullable: true;
            };
        };
    };
}
export function getDatamodel(): PothosPrismaDatamodel { return JSON.parse("{\"datamodel\":{\"models\":{\"Organization\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"code\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"shortName\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"UnitType\",\"kind\":\"enum\",\"name\":\"unitType\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"parentId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"parent\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrgTree\",\"relationFromFields\":[\"parentId\"],\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"children\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrgTree\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"assessed\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"active\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"sortOrder\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"OrgCategoryAssignment\",\"kind\":\"object\",\"name\":\"categoryAssignments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrgCategoryAssignmentToOrganization\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"users\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"TeamAssignment\",\"kind\":\"object\",\"name\":\"teamAssignments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToTeamAssignment\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToOrganization\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"FeedbackForm\",\"kind\":\"object\",\"name\":\"feedbackForms\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToOrganization\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findings\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToOrganization\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Rectification\",\"kind\":\"object\",\"name\":\"rectifications\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToRectification\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Interview\",\"kind\":\"object\",\"name\":\"interviews\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InterviewToOrganization\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"PerformanceAdjustment\",\"kind\":\"object\",\"name\":\"performanceAdjustments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToPerformanceAdjustment\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"AnnualResult\",\"kind\":\"object\",\"name\":\"annualResults\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AnnualResultToOrganization\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"AnnualComponentScore\",\"kind\":\"object\",\"name\":\"annualComponentScores\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AnnualComponentScoreToOrganization\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"OrgCategoryAssignment\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrgCategoryAssignmentToOrganization\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"year\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"OrgCategory\",\"kind\":\"enum\",\"name\":\"category\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"orgId\",\"year\"]}]},\"Area\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"code\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"sortOrder\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"schemes\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToScheme\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"SharedIndicator\",\"kind\":\"object\",\"name\":\"sharedIndicators\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToSharedIndicator\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"RoundArea\",\"kind\":\"object\",\"name\":\"roundAreas\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToRoundArea\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToAssessment\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findings\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToFinding\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Interview\",\"kind\":\"object\",\"name\":\"interviews\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToInterview\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"PerformanceAdjustment\",\"kind\":\"object\",\"name\":\"adjustments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToPerformanceAdjustment\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"Scheme\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"year\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"areaId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Area\",\"kind\":\"object\",\"name\":\"area\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToScheme\",\"relationFromFields\":[\"areaId\"],\"isUpdatedAt\":false},{\"type\":\"OrgCategory\",\"kind\":\"enum\",\"name\":\"category\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"revision\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"SchemeStatus\",\"kind\":\"enum\",\"name\":\"status\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"bonusCap\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"previousRevisionId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"previousRevision\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SchemeRevisions\",\"relationFromFields\":[\"previousRevisionId\"],\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"nextRevisions\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SchemeRevisions\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"clonedFromId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"clonedFrom\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SchemeClones\",\"relationFromFields\":[\"clonedFromId\"],\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"clones\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SchemeClones\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"publishedAt\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"publishedById\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"publishedBy\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SchemePublisher\",\"relationFromFields\":[\"publishedById\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"Dimension\",\"kind\":\"object\",\"name\":\"dimensions\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"DimensionToScheme\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Indicator\",\"kind\":\"object\",\"name\":\"indicators\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"IndicatorToScheme\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToScheme\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"year\",\"areaId\",\"category\",\"revision\"]}]},\"Dimension\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"schemeId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"scheme\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"DimensionToScheme\",\"relationFromFields\":[\"schemeId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"code\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"maxPoints\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"sortOrder\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Indicator\",\"kind\":\"object\",\"name\":\"indicators\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"DimensionToIndicator\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"schemeId\",\"code\"]}]},\"SharedIndicator\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"year\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"areaId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Area\",\"kind\":\"object\",\"name\":\"area\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToSharedIndicator\",\"relationFromFields\":[\"areaId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"code\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"evaluationStandard\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"scoringGuide\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"ScoringMethod\",\"kind\":\"enum\",\"name\":\"method\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Json\",\"kind\":\"scalar\",\"name\":\"ratingLevels\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Indicator\",\"kind\":\"object\",\"name\":\"indicators\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"IndicatorToSharedIndicator\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"year\",\"areaId\",\"code\"]}]},\"Indicator\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"schemeId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"scheme\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"IndicatorToScheme\",\"relationFromFields\":[\"schemeId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"dimensionId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Dimension\",\"kind\":\"object\",\"name\":\"dimension\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"DimensionToIndicator\",\"relationFromFields\":[\"dimensionId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"sharedIndicatorId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"SharedIndicator\",\"kind\":\"object\",\"name\":\"sharedIndicator\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"IndicatorToSharedIndicator\",\"relationFromFields\":[\"sharedIndicatorId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"code\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"evaluationStandard\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"scoringGuide\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"ScoringMethod\",\"kind\":\"enum\",\"name\":\"method\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"maxPoints\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"UnitType\",\"kind\":\"enum\",\"name\":\"unitTypeRestriction\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Json\",\"kind\":\"scalar\",\"name\":\"ratingLevels\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"target\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"targetUnit\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"defaultDeduction\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"sortOrder\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"IndicatorInput\",\"kind\":\"object\",\"name\":\"inputs\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"IndicatorToIndicatorInput\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findings\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToIndicator\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"schemeId\",\"code\"]}]},\"RuleSet\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"year\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"OrgCategory\",\"kind\":\"enum\",\"name\":\"redCategories\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"OrgCategory\",\"kind\":\"enum\",\"name\":\"blueLastCategories\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"OrgCategory\",\"kind\":\"enum\",\"name\":\"baseThresholdCategories\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"baseThreshold\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"redPoints\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"bluePoints\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"thresholdPoints\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"quarterlyWeight\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Json\",\"kind\":\"scalar\",\"name\":\"annualComponents\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"rectificationDays\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"warningDays\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"User\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"username\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"displayName\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Role\",\"kind\":\"enum\",\"name\":\"role\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToUser\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"passwordHash\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"active\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"mustChangePassword\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"Session\",\"kind\":\"object\",\"name\":\"sessions\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SessionToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"TeamMember\",\"kind\":\"object\",\"name\":\"teamMemberships\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"TeamMemberToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"AuditLog\",\"kind\":\"object\",\"name\":\"auditLogs\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AuditLogToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"publishedSchemes\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SchemePublisher\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"RoundStatusChange\",\"kind\":\"object\",\"name\":\"statusChanges\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RoundStatusChangeToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findingsCreated\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingCreator\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"ReconciliationRecord\",\"kind\":\"object\",\"name\":\"reconciliations\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"ReconciliationRecordToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"RectificationEvent\",\"kind\":\"object\",\"name\":\"rectificationEvts\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RectificationEventToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"EvidenceFile\",\"kind\":\"object\",\"name\":\"evidenceUploaded\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"EvidenceFileToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"FeedbackForm\",\"kind\":\"object\",\"name\":\"formsCreated\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToUser\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessmentsEdited\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentEditor\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"Session\":{\"fields\":[{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"userId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"user\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"SessionToUser\",\"relationFromFields\":[\"userId\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"expiresAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"revokedAt\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"lastSeenAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"ip\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"userAgent\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"LoginAttempt\":{\"fields\":[{\"type\":\"BigInt\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"username\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"ip\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"success\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"InspectionRound\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"year\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"quarter\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"RoundStatus\",\"kind\":\"enum\",\"name\":\"status\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"previousRoundId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"previousRound\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RoundSequence\",\"relationFromFields\":[\"previousRoundId\"],\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"nextRounds\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RoundSequence\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"inspectionStart\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"inspectionEnd\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"startedAt\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"publishedAt\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"closedAt\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"RoundArea\",\"kind\":\"object\",\"name\":\"areas\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToRoundArea\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"RoundStatusChange\",\"kind\":\"object\",\"name\":\"statusChanges\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToRoundStatusChange\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"InspectionTeam\",\"kind\":\"object\",\"name\":\"teams\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToInspectionTeam\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"TeamAssignment\",\"kind\":\"object\",\"name\":\"assignments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToTeamAssignment\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToInspectionRound\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"FeedbackForm\",\"kind\":\"object\",\"name\":\"feedbackForms\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToInspectionRound\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findings\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToInspectionRound\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Rectification\",\"kind\":\"object\",\"name\":\"rectificationsOpened\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RectificationOpenedIn\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"RectificationEvent\",\"kind\":\"object\",\"name\":\"rectificationEvents\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToRectificationEvent\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Interview\",\"kind\":\"object\",\"name\":\"interviews\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToInterview\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"PerformanceAdjustment\",\"kind\":\"object\",\"name\":\"performanceAdjustments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToPerformanceAdjustment\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Notice\",\"kind\":\"object\",\"name\":\"notice\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToNotice\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"year\",\"quarter\"]}]},\"RoundArea\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToRoundArea\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"areaId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Area\",\"kind\":\"object\",\"name\":\"area\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToRoundArea\",\"relationFromFields\":[\"areaId\"],\"isUpdatedAt\":false}],\"primaryKey\":{\"name\":null,\"fields\":[\"roundId\",\"areaId\"]},\"uniqueIndexes\":[]},\"RoundStatusChange\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToRoundStatusChange\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"RoundStatus\",\"kind\":\"enum\",\"name\":\"fromStatus\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"RoundStatus\",\"kind\":\"enum\",\"name\":\"toStatus\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"actorId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"actor\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RoundStatusChangeToUser\",\"relationFromFields\":[\"actorId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"note\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"at\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"InspectionTeam\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToInspectionTeam\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"TeamMember\",\"kind\":\"object\",\"name\":\"members\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionTeamToTeamMember\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"TrainingRecord\",\"kind\":\"object\",\"name\":\"trainingRecords\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionTeamToTrainingRecord\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"TeamAssignment\",\"kind\":\"object\",\"name\":\"assignments\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionTeamToTeamAssignment\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"FeedbackForm\",\"kind\":\"object\",\"name\":\"feedbackForms\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToInspectionTeam\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"roundId\",\"name\"]}]},\"TeamMember\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"teamId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionTeam\",\"kind\":\"object\",\"name\":\"team\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionTeamToTeamMember\",\"relationFromFields\":[\"teamId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"userId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"user\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"TeamMemberToUser\",\"relationFromFields\":[\"userId\"],\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"isLeader\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"teamId\",\"userId\"]}]},\"TrainingRecord\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"teamId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionTeam\",\"kind\":\"object\",\"name\":\"team\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionTeamToTrainingRecord\",\"relationFromFields\":[\"teamId\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"date\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"topic\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"hours\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"trainer\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"notes\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"TeamAssignment\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToTeamAssignment\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"teamId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionTeam\",\"kind\":\"object\",\"name\":\"team\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionTeamToTeamAssignment\",\"relationFromFields\":[\"teamId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToTeamAssignment\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"roundId\",\"orgId\"]}]},\"Assessment\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToInspectionRound\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToOrganization\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"areaId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Area\",\"kind\":\"object\",\"name\":\"area\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToAssessment\",\"relationFromFields\":[\"areaId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"schemeId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Scheme\",\"kind\":\"object\",\"name\":\"scheme\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToScheme\",\"relationFromFields\":[\"schemeId\"],\"isUpdatedAt\":false},{\"type\":\"OrgCategory\",\"kind\":\"enum\",\"name\":\"category\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"UnitType\",\"kind\":\"enum\",\"name\":\"unitType\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"AssessmentStatus\",\"kind\":\"enum\",\"name\":\"status\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"baseScore\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"bonusScore\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"totalScore\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"rank\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"ListMark\",\"kind\":\"enum\",\"name\":\"listMark\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"frozenAt\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"updatedById\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"updatedBy\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentEditor\",\"relationFromFields\":[\"updatedById\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"IndicatorInput\",\"kind\":\"object\",\"name\":\"inputs\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToIndicatorInput\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"AssessmentDimensionScore\",\"kind\":\"object\",\"name\":\"dimensionScores\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToAssessmentDimensionScore\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findings\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToFinding\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"roundId\",\"orgId\",\"areaId\"]}]},\"IndicatorInput\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"assessmentId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessment\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToIndicatorInput\",\"relationFromFields\":[\"assessmentId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"indicatorId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Indicator\",\"kind\":\"object\",\"name\":\"indicator\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"IndicatorToIndicatorInput\",\"relationFromFields\":[\"indicatorId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"ratingLevel\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"quantityValue\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"bonusPoints\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"points\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"note\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"assessmentId\",\"indicatorId\"]}]},\"AssessmentDimensionScore\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"assessmentId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessment\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToAssessmentDimensionScore\",\"relationFromFields\":[\"assessmentId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"dimensionId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"points\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"lost\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":{\"name\":null,\"fields\":[\"assessmentId\",\"dimensionId\"]},\"uniqueIndexes\":[]},\"ProblemCategory\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"code\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"name\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"description\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"sortOrder\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"active\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findings\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToProblemCategory\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Rectification\",\"kind\":\"object\",\"name\":\"rectifications\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"ProblemCategoryToRectification\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"FeedbackForm\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToInspectionRound\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToOrganization\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"teamId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionTeam\",\"kind\":\"object\",\"name\":\"team\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToInspectionTeam\",\"relationFromFields\":[\"teamId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"formNo\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"visitDate\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"summary\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"createdById\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"createdBy\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToUser\",\"relationFromFields\":[\"createdById\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"findings\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToFinding\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"Finding\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToInspectionRound\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToOrganization\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"areaId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Area\",\"kind\":\"object\",\"name\":\"area\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToFinding\",\"relationFromFields\":[\"areaId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"assessmentId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Assessment\",\"kind\":\"object\",\"name\":\"assessment\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AssessmentToFinding\",\"relationFromFields\":[\"assessmentId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"indicatorId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Indicator\",\"kind\":\"object\",\"name\":\"indicator\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToIndicator\",\"relationFromFields\":[\"indicatorId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"problemCategoryId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"ProblemCategory\",\"kind\":\"object\",\"name\":\"problemCategory\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToProblemCategory\",\"relationFromFields\":[\"problemCategoryId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"feedbackFormId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"FeedbackForm\",\"kind\":\"object\",\"name\":\"feedbackForm\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FeedbackFormToFinding\",\"relationFromFields\":[\"feedbackFormId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"description\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"CheckMethod\",\"kind\":\"enum\",\"name\":\"checkMethod\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"deduction\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Boolean\",\"kind\":\"scalar\",\"name\":\"isRepeat\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"ReconciliationStatus\",\"kind\":\"enum\",\"name\":\"reconciliationStatus\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"createdById\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"createdBy\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingCreator\",\"relationFromFields\":[\"createdById\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"ReconciliationRecord\",\"kind\":\"object\",\"name\":\"reconciliations\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToReconciliationRecord\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"EvidenceFile\",\"kind\":\"object\",\"name\":\"evidence\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"EvidenceFileToFinding\",\"relationFromFields\":[],\"isUpdatedAt\":false},{\"type\":\"Rectification\",\"kind\":\"object\",\"name\":\"rectification\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToRectification\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"ReconciliationRecord\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"findingId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"finding\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToReconciliationRecord\",\"relationFromFields\":[\"findingId\"],\"isUpdatedAt\":false},{\"type\":\"ReconciliationAction\",\"kind\":\"enum\",\"name\":\"action\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"reason\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"actorId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"actor\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"ReconciliationRecordToUser\",\"relationFromFields\":[\"actorId\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"at\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"EvidenceFile\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"findingId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"finding\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"EvidenceFileToFinding\",\"relationFromFields\":[\"findingId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"rectificationEventId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"RectificationEvent\",\"kind\":\"object\",\"name\":\"rectificationEvent\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"EvidenceFileToRectificationEvent\",\"relationFromFields\":[\"rectificationEventId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"originalName\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"storedName\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"mimeType\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"size\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"sha256\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"uploadedById\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"uploadedBy\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"EvidenceFileToUser\",\"relationFromFields\":[\"uploadedById\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"Rectification\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"RectificationSource\",\"kind\":\"enum\",\"name\":\"source\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"findingId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Finding\",\"kind\":\"object\",\"name\":\"finding\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"FindingToRectification\",\"relationFromFields\":[\"findingId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"interviewItemId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InterviewItem\",\"kind\":\"object\",\"name\":\"interviewItem\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InterviewItemToRectification\",\"relationFromFields\":[\"interviewItemId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToRectification\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RectificationOpenedIn\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"problemCategoryId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"ProblemCategory\",\"kind\":\"object\",\"name\":\"problemCategory\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"ProblemCategoryToRectification\",\"relationFromFields\":[\"problemCategoryId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"title\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"measure\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"responsiblePerson\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"deadline\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"RectificationStatus\",\"kind\":\"enum\",\"name\":\"status\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"carryOverCount\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"closedAt\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"RectificationEvent\",\"kind\":\"object\",\"name\":\"events\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RectificationToRectificationEvent\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"RectificationEvent\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"rectificationId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Rectification\",\"kind\":\"object\",\"name\":\"rectification\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RectificationToRectificationEvent\",\"relationFromFields\":[\"rectificationId\"],\"isUpdatedAt\":false},{\"type\":\"RectificationEventType\",\"kind\":\"enum\",\"name\":\"type\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToRectificationEvent\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"note\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"actorId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"actor\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"RectificationEventToUser\",\"relationFromFields\":[\"actorId\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"EvidenceFile\",\"kind\":\"object\",\"name\":\"evidence\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"EvidenceFileToRectificationEvent\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"Interview\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToInterview\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InterviewToOrganization\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"areaId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Area\",\"kind\":\"object\",\"name\":\"area\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToInterview\",\"relationFromFields\":[\"areaId\"],\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"date\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"interviewer\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"interviewee\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"notes\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"updatedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":true},{\"type\":\"InterviewItem\",\"kind\":\"object\",\"name\":\"items\",\"isRequired\":true,\"isList\":true,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InterviewToInterviewItem\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"roundId\",\"orgId\",\"areaId\"]}]},\"InterviewItem\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"interviewId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Interview\",\"kind\":\"object\",\"name\":\"interview\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InterviewToInterviewItem\",\"relationFromFields\":[\"interviewId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"content\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"sortOrder\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Rectification\",\"kind\":\"object\",\"name\":\"rectification\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InterviewItemToRectification\",\"relationFromFields\":[],\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"PerformanceAdjustment\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToPerformanceAdjustment\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"OrganizationToPerformanceAdjustment\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"areaId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Area\",\"kind\":\"object\",\"name\":\"area\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AreaToPerformanceAdjustment\",\"relationFromFields\":[\"areaId\"],\"isUpdatedAt\":false},{\"type\":\"OrgCategory\",\"kind\":\"enum\",\"name\":\"category\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"AdjustmentReason\",\"kind\":\"enum\",\"name\":\"reason\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"points\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"month\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"createdAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"roundId\",\"orgId\",\"areaId\",\"reason\"]}]},\"AnnualComponentScore\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"year\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AnnualComponentScoreToOrganization\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"code\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"points\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"version\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"year\",\"orgId\",\"code\"]}]},\"AnnualResult\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"year\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"orgId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Organization\",\"kind\":\"object\",\"name\":\"org\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AnnualResultToOrganization\",\"relationFromFields\":[\"orgId\"],\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"quarterlyMean\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"quarterlyComponent\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"componentsTotal\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Decimal\",\"kind\":\"scalar\",\"name\":\"total\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"computedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[{\"name\":null,\"fields\":[\"year\",\"orgId\"]}]},\"Notice\":{\"fields\":[{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"roundId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":true,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"InspectionRound\",\"kind\":\"object\",\"name\":\"round\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"InspectionRoundToNotice\",\"relationFromFields\":[\"roundId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"docNo\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"title\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"issuedBy\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"issuedAt\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]},\"AuditLog\":{\"fields\":[{\"type\":\"BigInt\",\"kind\":\"scalar\",\"name\":\"id\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":true,\"isUpdatedAt\":false},{\"type\":\"Int\",\"kind\":\"scalar\",\"name\":\"actorId\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"User\",\"kind\":\"object\",\"name\":\"actor\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"relationName\":\"AuditLogToUser\",\"relationFromFields\":[\"actorId\"],\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"action\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"entityType\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"entityId\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Json\",\"kind\":\"scalar\",\"name\":\"before\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"Json\",\"kind\":\"scalar\",\"name\":\"after\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"String\",\"kind\":\"scalar\",\"name\":\"ip\",\"isRequired\":false,\"isList\":false,\"hasDefaultValue\":false,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false},{\"type\":\"DateTime\",\"kind\":\"scalar\",\"name\":\"at\",\"isRequired\":true,\"isList\":false,\"hasDefaultValue\":true,\"isUnique\":false,\"isId\":false,\"isUpdatedAt\":false}],\"primaryKey\":null,\"uniqueIndexes\":[]}}}}"); }