-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('GRASSROOTS', 'HEADQUARTERS');

-- CreateEnum
CREATE TYPE "OrgCategory" AS ENUM ('I', 'II', 'III');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'LEADER', 'INSPECTOR', 'BRANCH');

-- CreateEnum
CREATE TYPE "SchemeStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ScoringMethod" AS ENUM ('DEDUCTION', 'RATING', 'QUANTITY', 'BONUS');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('PLANNING', 'INSPECTING', 'RECONCILING', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CheckMethod" AS ENUM ('INTERVIEW', 'DOCUMENT_REVIEW', 'ONSITE_CHECK');

-- CreateEnum
CREATE TYPE "ReconciliationStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISPUTED', 'UPHELD', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReconciliationAction" AS ENUM ('CONFIRM', 'DISPUTE', 'UPHOLD', 'WITHDRAW');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "ListMark" AS ENUM ('RED', 'BLUE');

-- CreateEnum
CREATE TYPE "AdjustmentReason" AS ENUM ('RED_LIST', 'BLUE_LIST', 'BELOW_THRESHOLD');

-- CreateEnum
CREATE TYPE "RectificationSource" AS ENUM ('FINDING', 'INTERVIEW');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('OPEN', 'SUBMITTED', 'RETURNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RectificationEventType" AS ENUM ('CREATED', 'EDITED', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'CARRIED_OVER');

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "unitType" "UnitType" NOT NULL,
    "parentId" INTEGER,
    "assessed" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgCategoryAssignment" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "OrgCategory" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrgCategoryAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scheme" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "category" "OrgCategory" NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "status" "SchemeStatus" NOT NULL DEFAULT 'DRAFT',
    "bonusCap" DECIMAL(6,2) NOT NULL,
    "previousRevisionId" INTEGER,
    "clonedFromId" INTEGER,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Scheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dimension" (
    "id" SERIAL NOT NULL,
    "schemeId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "maxPoints" DECIMAL(6,2) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Dimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedIndicator" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "evaluationStandard" TEXT NOT NULL,
    "scoringGuide" TEXT NOT NULL DEFAULT '',
    "method" "ScoringMethod" NOT NULL,
    "ratingLevels" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SharedIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "schemeId" INTEGER NOT NULL,
    "dimensionId" INTEGER,
    "sharedIndicatorId" INTEGER,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "evaluationStandard" TEXT NOT NULL DEFAULT '',
    "scoringGuide" TEXT NOT NULL DEFAULT '',
    "method" "ScoringMethod" NOT NULL,
    "maxPoints" DECIMAL(6,2) NOT NULL,
    "unitTypeRestriction" "UnitType",
    "ratingLevels" JSONB,
    "target" DECIMAL(12,2),
    "targetUnit" TEXT,
    "defaultDeduction" DECIMAL(6,2),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "redCategories" "OrgCategory"[] DEFAULT ARRAY['I', 'II']::"OrgCategory"[],
    "blueLastCategories" "OrgCategory"[] DEFAULT ARRAY['I', 'II']::"OrgCategory"[],
    "baseThresholdCategories" "OrgCategory"[] DEFAULT ARRAY['III']::"OrgCategory"[],
    "baseThreshold" DECIMAL(6,2) NOT NULL DEFAULT 98.00,
    "redPoints" DECIMAL(6,2) NOT NULL DEFAULT 1.50,
    "bluePoints" DECIMAL(6,2) NOT NULL DEFAULT -1.50,
    "thresholdPoints" DECIMAL(6,2) NOT NULL DEFAULT -0.50,
    "quarterlyWeight" DECIMAL(6,4) NOT NULL DEFAULT 0.40,
    "annualComponents" JSONB NOT NULL DEFAULT '[]',
    "rectificationDays" INTEGER NOT NULL DEFAULT 30,
    "warningDays" INTEGER NOT NULL DEFAULT 7,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "orgId" INTEGER,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionRound" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'PLANNING',
    "previousRoundId" INTEGER,
    "inspectionStart" DATE,
    "inspectionEnd" DATE,
    "startedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundArea" (
    "roundId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,

    CONSTRAINT "RoundArea_pkey" PRIMARY KEY ("roundId","areaId")
);

-- CreateTable
CREATE TABLE "RoundStatusChange" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "fromStatus" "RoundStatus",
    "toStatus" "RoundStatus" NOT NULL,
    "actorId" INTEGER,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionTeam" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "hours" DECIMAL(6,2),
    "trainer" TEXT,
    "notes" TEXT,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamAssignment" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,

    CONSTRAINT "TeamAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "schemeId" INTEGER NOT NULL,
    "category" "OrgCategory" NOT NULL,
    "unitType" "UnitType" NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "baseScore" DECIMAL(6,2),
    "bonusScore" DECIMAL(6,2),
    "totalScore" DECIMAL(6,2),
    "rank" INTEGER,
    "listMark" "ListMark",
    "frozenAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorInput" (
    "id" SERIAL NOT NULL,
    "assessmentId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "ratingLevel" TEXT,
    "quantityValue" DECIMAL(12,2),
    "bonusPoints" DECIMAL(6,2),
    "points" DECIMAL(6,2),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IndicatorInput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentDimensionScore" (
    "assessmentId" INTEGER NOT NULL,
    "dimensionId" INTEGER NOT NULL,
    "points" DECIMAL(6,2) NOT NULL,
    "lost" DECIMAL(6,2) NOT NULL,

    CONSTRAINT "AssessmentDimensionScore_pkey" PRIMARY KEY ("assessmentId","dimensionId")
);

-- CreateTable
CREATE TABLE "ProblemCategory" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProblemCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackForm" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "formNo" TEXT NOT NULL,
    "visitDate" DATE NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "assessmentId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "problemCategoryId" INTEGER NOT NULL,
    "feedbackFormId" INTEGER,
    "description" TEXT NOT NULL,
    "checkMethod" "CheckMethod" NOT NULL,
    "deduction" DECIMAL(6,2) NOT NULL,
    "isRepeat" BOOLEAN NOT NULL DEFAULT false,
    "reconciliationStatus" "ReconciliationStatus" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationRecord" (
    "id" SERIAL NOT NULL,
    "findingId" INTEGER NOT NULL,
    "action" "ReconciliationAction" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "actorId" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" SERIAL NOT NULL,
    "findingId" INTEGER,
    "rectificationEventId" INTEGER,
    "originalName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" SERIAL NOT NULL,
    "source" "RectificationSource" NOT NULL,
    "findingId" INTEGER,
    "interviewItemId" INTEGER,
    "orgId" INTEGER NOT NULL,
    "roundId" INTEGER NOT NULL,
    "problemCategoryId" INTEGER,
    "title" TEXT NOT NULL,
    "measure" TEXT NOT NULL DEFAULT '',
    "responsiblePerson" TEXT NOT NULL DEFAULT '',
    "deadline" DATE NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'OPEN',
    "carryOverCount" INTEGER NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationEvent" (
    "id" SERIAL NOT NULL,
    "rectificationId" INTEGER NOT NULL,
    "type" "RectificationEventType" NOT NULL,
    "roundId" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interview" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "date" DATE,
    "interviewer" TEXT NOT NULL DEFAULT '',
    "interviewee" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewItem" (
    "id" SERIAL NOT NULL,
    "interviewId" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InterviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerformanceAdjustment" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "category" "OrgCategory" NOT NULL,
    "reason" "AdjustmentReason" NOT NULL,
    "points" DECIMAL(6,2) NOT NULL,
    "month" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PerformanceAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualComponentScore" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "points" DECIMAL(6,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AnnualComponentScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualResult" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "quarterlyMean" DECIMAL(6,2) NOT NULL,
    "quarterlyComponent" DECIMAL(6,2) NOT NULL,
    "componentsTotal" DECIMAL(6,2) NOT NULL,
    "total" DECIMAL(6,2) NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "docNo" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "OrgCategoryAssignment_year_category_idx" ON "OrgCategoryAssignment"("year", "category");

-- CreateIndex
CREATE UNIQUE INDEX "OrgCategoryAssignment_orgId_year_key" ON "OrgCategoryAssignment"("orgId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Area_code_key" ON "Area"("code");

-- CreateIndex
CREATE INDEX "Scheme_areaId_idx" ON "Scheme"("areaId");

-- CreateIndex
CREATE INDEX "Scheme_year_areaId_category_status_idx" ON "Scheme"("year", "areaId", "category", "status");

-- CreateIndex
CREATE INDEX "Scheme_previousRevisionId_idx" ON "Scheme"("previousRevisionId");

-- CreateIndex
CREATE INDEX "Scheme_clonedFromId_idx" ON "Scheme"("clonedFromId");

-- CreateIndex
CREATE INDEX "Scheme_publishedById_idx" ON "Scheme"("publishedById");

-- CreateIndex
CREATE UNIQUE INDEX "Scheme_year_areaId_category_revision_key" ON "Scheme"("year", "areaId", "category", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "Dimension_schemeId_code_key" ON "Dimension"("schemeId", "code");

-- CreateIndex
CREATE INDEX "SharedIndicator_areaId_idx" ON "SharedIndicator"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "SharedIndicator_year_areaId_code_key" ON "SharedIndicator"("year", "areaId", "code");

-- CreateIndex
CREATE INDEX "Indicator_dimensionId_idx" ON "Indicator"("dimensionId");

-- CreateIndex
CREATE INDEX "Indicator_sharedIndicatorId_idx" ON "Indicator"("sharedIndicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_schemeId_code_key" ON "Indicator"("schemeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_year_key" ON "RuleSet"("year");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_orgId_idx" ON "User"("orgId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "InspectionRound_previousRoundId_idx" ON "InspectionRound"("previousRoundId");

-- CreateIndex
CREATE INDEX "InspectionRound_status_idx" ON "InspectionRound"("status");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionRound_year_quarter_key" ON "InspectionRound"("year", "quarter");

-- CreateIndex
CREATE INDEX "RoundArea_areaId_idx" ON "RoundArea"("areaId");

-- CreateIndex
CREATE INDEX "RoundStatusChange_roundId_idx" ON "RoundStatusChange"("roundId");

-- CreateIndex
CREATE INDEX "RoundStatusChange_actorId_idx" ON "RoundStatusChange"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionTeam_roundId_name_key" ON "InspectionTeam"("roundId", "name");

-- CreateIndex
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_teamId_userId_key" ON "TeamMember"("teamId", "userId");

-- CreateIndex
CREATE INDEX "TrainingRecord_teamId_idx" ON "TrainingRecord"("teamId");

-- CreateIndex
CREATE INDEX "TeamAssignment_teamId_idx" ON "TeamAssignment"("teamId");

-- CreateIndex
CREATE INDEX "TeamAssignment_orgId_idx" ON "TeamAssignment"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamAssignment_roundId_orgId_key" ON "TeamAssignment"("roundId", "orgId");

-- CreateIndex
CREATE INDEX "Assessment_roundId_areaId_category_idx" ON "Assessment"("roundId", "areaId", "category");

-- CreateIndex
CREATE INDEX "Assessment_orgId_roundId_idx" ON "Assessment"("orgId", "roundId");

-- CreateIndex
CREATE INDEX "Assessment_schemeId_idx" ON "Assessment"("schemeId");

-- CreateIndex
CREATE INDEX "Assessment_areaId_idx" ON "Assessment"("areaId");

-- CreateIndex
CREATE INDEX "Assessment_updatedById_idx" ON "Assessment"("updatedById");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_roundId_orgId_areaId_key" ON "Assessment"("roundId", "orgId", "areaId");

-- CreateIndex
CREATE INDEX "IndicatorInput_indicatorId_idx" ON "IndicatorInput"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorInput_assessmentId_indicatorId_key" ON "IndicatorInput"("assessmentId", "indicatorId");

-- CreateIndex
CREATE INDEX "AssessmentDimensionScore_dimensionId_idx" ON "AssessmentDimensionScore"("dimensionId");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemCategory_code_key" ON "ProblemCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackForm_formNo_key" ON "FeedbackForm"("formNo");

-- CreateIndex
CREATE INDEX "FeedbackForm_roundId_orgId_idx" ON "FeedbackForm"("roundId", "orgId");

-- CreateIndex
CREATE INDEX "FeedbackForm_orgId_idx" ON "FeedbackForm"("orgId");

-- CreateIndex
CREATE INDEX "FeedbackForm_teamId_idx" ON "FeedbackForm"("teamId");

-- CreateIndex
CREATE INDEX "FeedbackForm_createdById_idx" ON "FeedbackForm"("createdById");

-- CreateIndex
CREATE INDEX "Finding_roundId_orgId_idx" ON "Finding"("roundId", "orgId");

-- CreateIndex
CREATE INDEX "Finding_orgId_problemCategoryId_idx" ON "Finding"("orgId", "problemCategoryId");

-- CreateIndex
CREATE INDEX "Finding_problemCategoryId_idx" ON "Finding"("problemCategoryId");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_idx" ON "Finding"("assessmentId");

-- CreateIndex
CREATE INDEX "Finding_indicatorId_idx" ON "Finding"("indicatorId");

-- CreateIndex
CREATE INDEX "Finding_feedbackFormId_idx" ON "Finding"("feedbackFormId");

-- CreateIndex
CREATE INDEX "Finding_areaId_idx" ON "Finding"("areaId");

-- CreateIndex
CREATE INDEX "Finding_createdById_idx" ON "Finding"("createdById");

-- CreateIndex
CREATE INDEX "Finding_roundId_reconciliationStatus_idx" ON "Finding"("roundId", "reconciliationStatus");

-- CreateIndex
CREATE INDEX "ReconciliationRecord_findingId_idx" ON "ReconciliationRecord"("findingId");

-- CreateIndex
CREATE INDEX "ReconciliationRecord_actorId_idx" ON "ReconciliationRecord"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_storedName_key" ON "EvidenceFile"("storedName");

-- CreateIndex
CREATE INDEX "EvidenceFile_findingId_idx" ON "EvidenceFile"("findingId");

-- CreateIndex
CREATE INDEX "EvidenceFile_rectificationEventId_idx" ON "EvidenceFile"("rectificationEventId");

-- CreateIndex
CREATE INDEX "EvidenceFile_uploadedById_idx" ON "EvidenceFile"("uploadedById");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_findingId_key" ON "Rectification"("findingId");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_interviewItemId_key" ON "Rectification"("interviewItemId");

-- CreateIndex
CREATE INDEX "Rectification_status_deadline_idx" ON "Rectification"("status", "deadline");

-- CreateIndex
CREATE INDEX "Rectification_orgId_status_idx" ON "Rectification"("orgId", "status");

-- CreateIndex
CREATE INDEX "Rectification_roundId_idx" ON "Rectification"("roundId");

-- CreateIndex
CREATE INDEX "Rectification_problemCategoryId_idx" ON "Rectification"("problemCategoryId");

-- CreateIndex
CREATE INDEX "RectificationEvent_rectificationId_idx" ON "RectificationEvent"("rectificationId");

-- CreateIndex
CREATE INDEX "RectificationEvent_roundId_idx" ON "RectificationEvent"("roundId");

-- CreateIndex
CREATE INDEX "RectificationEvent_actorId_idx" ON "RectificationEvent"("actorId");

-- CreateIndex
CREATE INDEX "Interview_orgId_idx" ON "Interview"("orgId");

-- CreateIndex
CREATE INDEX "Interview_areaId_idx" ON "Interview"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "Interview_roundId_orgId_areaId_key" ON "Interview"("roundId", "orgId", "areaId");

-- CreateIndex
CREATE INDEX "InterviewItem_interviewId_idx" ON "InterviewItem"("interviewId");

-- CreateIndex
CREATE INDEX "PerformanceAdjustment_orgId_idx" ON "PerformanceAdjustment"("orgId");

-- CreateIndex
CREATE INDEX "PerformanceAdjustment_areaId_idx" ON "PerformanceAdjustment"("areaId");

-- CreateIndex
CREATE INDEX "PerformanceAdjustment_month_idx" ON "PerformanceAdjustment"("month");

-- CreateIndex
CREATE UNIQUE INDEX "PerformanceAdjustment_roundId_orgId_areaId_reason_key" ON "PerformanceAdjustment"("roundId", "orgId", "areaId", "reason");

-- CreateIndex
CREATE INDEX "AnnualComponentScore_orgId_idx" ON "AnnualComponentScore"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualComponentScore_year_orgId_code_key" ON "AnnualComponentScore"("year", "orgId", "code");

-- CreateIndex
CREATE INDEX "AnnualResult_orgId_idx" ON "AnnualResult"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualResult_year_orgId_key" ON "AnnualResult"("year", "orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_roundId_key" ON "Notice"("roundId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgCategoryAssignment" ADD CONSTRAINT "OrgCategoryAssignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scheme" ADD CONSTRAINT "Scheme_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scheme" ADD CONSTRAINT "Scheme_previousRevisionId_fkey" FOREIGN KEY ("previousRevisionId") REFERENCES "Scheme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scheme" ADD CONSTRAINT "Scheme_clonedFromId_fkey" FOREIGN KEY ("clonedFromId") REFERENCES "Scheme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scheme" ADD CONSTRAINT "Scheme_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dimension" ADD CONSTRAINT "Dimension_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "Scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedIndicator" ADD CONSTRAINT "SharedIndicator_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "Scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_sharedIndicatorId_fkey" FOREIGN KEY ("sharedIndicatorId") REFERENCES "SharedIndicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRound" ADD CONSTRAINT "InspectionRound_previousRoundId_fkey" FOREIGN KEY ("previousRoundId") REFERENCES "InspectionRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundArea" ADD CONSTRAINT "RoundArea_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundArea" ADD CONSTRAINT "RoundArea_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundStatusChange" ADD CONSTRAINT "RoundStatusChange_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundStatusChange" ADD CONSTRAINT "RoundStatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTeam" ADD CONSTRAINT "InspectionTeam_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "InspectionTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "InspectionTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamAssignment" ADD CONSTRAINT "TeamAssignment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamAssignment" ADD CONSTRAINT "TeamAssignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "InspectionTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamAssignment" ADD CONSTRAINT "TeamAssignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "Scheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorInput" ADD CONSTRAINT "IndicatorInput_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorInput" ADD CONSTRAINT "IndicatorInput_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentDimensionScore" ADD CONSTRAINT "AssessmentDimensionScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackForm" ADD CONSTRAINT "FeedbackForm_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackForm" ADD CONSTRAINT "FeedbackForm_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackForm" ADD CONSTRAINT "FeedbackForm_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "InspectionTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackForm" ADD CONSTRAINT "FeedbackForm_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_problemCategoryId_fkey" FOREIGN KEY ("problemCategoryId") REFERENCES "ProblemCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_feedbackFormId_fkey" FOREIGN KEY ("feedbackFormId") REFERENCES "FeedbackForm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationRecord" ADD CONSTRAINT "ReconciliationRecord_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationRecord" ADD CONSTRAINT "ReconciliationRecord_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_rectificationEventId_fkey" FOREIGN KEY ("rectificationEventId") REFERENCES "RectificationEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_interviewItemId_fkey" FOREIGN KEY ("interviewItemId") REFERENCES "InterviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_problemCategoryId_fkey" FOREIGN KEY ("problemCategoryId") REFERENCES "ProblemCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationEvent" ADD CONSTRAINT "RectificationEvent_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationEvent" ADD CONSTRAINT "RectificationEvent_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationEvent" ADD CONSTRAINT "RectificationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewItem" ADD CONSTRAINT "InterviewItem_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerformanceAdjustment" ADD CONSTRAINT "PerformanceAdjustment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerformanceAdjustment" ADD CONSTRAINT "PerformanceAdjustment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerformanceAdjustment" ADD CONSTRAINT "PerformanceAdjustment_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualComponentScore" ADD CONSTRAINT "AnnualComponentScore_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualResult" ADD CONSTRAINT "AnnualResult_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
