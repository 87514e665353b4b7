-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('DEPARTMENT_MANAGER', 'DIG', 'LEADERSHIP', 'VIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'NEEDS_INFO', 'TRIAGED', 'APPROVED', 'IN_PROGRESS', 'PAUSED', 'DONE', 'REJECTED', 'DEFERRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BenefitRecipient" AS ENUM ('INTERNAL', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "Nature" AS ENUM ('EFFICIENCY', 'INNOVATION');

-- CreateEnum
CREATE TYPE "PiosQuadrant" AS ENUM ('INTERNAL_EFFICIENCY', 'INTERNAL_INNOVATION', 'EXTERNAL_EFFICIENCY', 'EXTERNAL_INNOVATION');

-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('INFRASTRUCTURE', 'BUSINESS_DEVELOPMENT');

-- CreateEnum
CREATE TYPE "InitiativeSize" AS ENUM ('SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "TriageTrack" AS ENUM ('FAST_LANE', 'PORTFOLIO', 'TECHNICAL');

-- CreateEnum
CREATE TYPE "BenefitCategory" AS ENUM ('FINANCIAL', 'REALLOCATION', 'QUALITY', 'ENVIRONMENT');

-- CreateEnum
CREATE TYPE "BenefitCertainty" AS ENUM ('GREEN', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "DecisionType" AS ENUM ('APPROVE', 'REJECT', 'DEFER', 'REPRIORITISE', 'REQUEST_INFO');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "PoolKind" AS ENUM ('DIG', 'DIGITAL_CENTER', 'LOCAL');

-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('READ', 'WRITE');

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "isCompany" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "departmentId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategicGoal" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategicGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "need" TEXT NOT NULL DEFAULT '',
    "benefitRecipient" "BenefitRecipient",
    "nature" "Nature",
    "reachDescription" TEXT,
    "reachCount" INTEGER,
    "isReplacement" BOOLEAN NOT NULL DEFAULT false,
    "replacesSystem" TEXT,
    "enablesDevelopment" TEXT,
    "involvesProcurement" BOOLEAN NOT NULL DEFAULT false,
    "hygieneOwnsData" BOOLEAN,
    "hygieneOpenStandards" BOOLEAN,
    "hygieneOpenApis" BOOLEAN,
    "hygieneExitPlan" BOOLEAN,
    "estimatedCostSek" INTEGER,
    "estimatedEffortHours" INTEGER,
    "desiredStartQuarter" TEXT,
    "plannedStartQuarter" TEXT,
    "plannedEndQuarter" TEXT,
    "dependencies" TEXT,
    "contactPerson" TEXT,
    "benefitJudgement" INTEGER,
    "urgency" INTEGER,
    "legalRequirement" BOOLEAN NOT NULL DEFAULT false,
    "riskReduction" INTEGER,
    "status" "InitiativeStatus" NOT NULL DEFAULT 'DRAFT',
    "ownerDepartmentId" TEXT NOT NULL,
    "createdById" TEXT,
    "programId" TEXT,
    "rank" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeGoal" (
    "initiativeId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "alignment" INTEGER NOT NULL,

    CONSTRAINT "InitiativeGoal_pkey" PRIMARY KEY ("initiativeId","goalId")
);

-- CreateTable
CREATE TABLE "BenefitIndicator" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "category" "BenefitCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "annualValueSek" INTEGER,
    "annualHours" INTEGER,
    "certainty" "BenefitCertainty" NOT NULL,
    "owner" TEXT,
    "indicator" TEXT,
    "unit" TEXT,
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION,
    "targetDate" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenefitIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "measuredAt" TIMESTAMP(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "realisedSek" INTEGER,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "fromStatus" "InitiativeStatus",
    "toStatus" "InitiativeStatus" NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TriageAssessment" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "assessedById" TEXT,
    "kind" "InitiativeKind" NOT NULL,
    "size" "InitiativeSize" NOT NULL,
    "track" "TriageTrack" NOT NULL,
    "quadrant" "PiosQuadrant" NOT NULL,
    "suggestedKind" "InitiativeKind",
    "suggestedSize" "InitiativeSize",
    "suggestedTrack" "TriageTrack",
    "overrideReason" TEXT,
    "completeness" INTEGER NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TriageAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "targetState" TEXT NOT NULL,
    "leaderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramCouncilMember" (
    "programId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ProgramCouncilMember_pkey" PRIMARY KEY ("programId","userId")
);

-- CreateTable
CREATE TABLE "ProgramGoal" (
    "programId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,

    CONSTRAINT "ProgramGoal_pkey" PRIMARY KEY ("programId","goalId")
);

-- CreateTable
CREATE TABLE "ResourcePool" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PoolKind" NOT NULL,
    "departmentId" TEXT,
    "wipLimit" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourcePool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoolCapacity" (
    "id" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "competence" TEXT NOT NULL DEFAULT '',
    "hours" INTEGER NOT NULL,

    CONSTRAINT "PoolCapacity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceAllocation" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "competence" TEXT NOT NULL DEFAULT '',
    "hours" INTEGER NOT NULL,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResourceAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortfolioMeeting" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "registryNumber" TEXT,
    "participants" TEXT NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "snapshot" JSONB,
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortfolioMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "addedById" TEXT,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "meetingId" TEXT,
    "type" "DecisionType" NOT NULL,
    "rationale" TEXT NOT NULL,
    "underDelegation" BOOLEAN NOT NULL DEFAULT false,
    "fromStatus" "InitiativeStatus" NOT NULL,
    "toStatus" "InitiativeStatus" NOT NULL,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BalanceTarget" (
    "year" INTEGER NOT NULL,
    "quadrant" "PiosQuadrant" NOT NULL,
    "sharePercent" INTEGER NOT NULL,

    CONSTRAINT "BalanceTarget_pkey" PRIMARY KEY ("year","quadrant")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "initiativeId" TEXT,
    "kind" TEXT NOT NULL,
    "params" JSONB,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "role" "Role" NOT NULL,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategicGoal_code_key" ON "StrategicGoal"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_number_key" ON "Initiative"("number");

-- CreateIndex
CREATE INDEX "Initiative_status_idx" ON "Initiative"("status");

-- CreateIndex
CREATE INDEX "Initiative_ownerDepartmentId_status_idx" ON "Initiative"("ownerDepartmentId", "status");

-- CreateIndex
CREATE INDEX "Initiative_programId_idx" ON "Initiative"("programId");

-- CreateIndex
CREATE INDEX "Initiative_benefitRecipient_nature_idx" ON "Initiative"("benefitRecipient", "nature");

-- CreateIndex
CREATE INDEX "Initiative_submittedAt_idx" ON "Initiative"("submittedAt");

-- CreateIndex
CREATE INDEX "InitiativeGoal_goalId_idx" ON "InitiativeGoal"("goalId");

-- CreateIndex
CREATE INDEX "BenefitIndicator_initiativeId_idx" ON "BenefitIndicator"("initiativeId");

-- CreateIndex
CREATE INDEX "Measurement_indicatorId_measuredAt_idx" ON "Measurement"("indicatorId", "measuredAt");

-- CreateIndex
CREATE INDEX "StatusChange_initiativeId_at_idx" ON "StatusChange"("initiativeId", "at");

-- CreateIndex
CREATE INDEX "TriageAssessment_initiativeId_createdAt_idx" ON "TriageAssessment"("initiativeId", "createdAt");

-- CreateIndex
CREATE INDEX "TriageAssessment_track_idx" ON "TriageAssessment"("track");

-- CreateIndex
CREATE UNIQUE INDEX "Program_name_key" ON "Program"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ResourcePool_name_key" ON "ResourcePool"("name");

-- CreateIndex
CREATE INDEX "ResourcePool_departmentId_idx" ON "ResourcePool"("departmentId");

-- CreateIndex
CREATE INDEX "PoolCapacity_quarter_idx" ON "PoolCapacity"("quarter");

-- CreateIndex
CREATE UNIQUE INDEX "PoolCapacity_poolId_quarter_competence_key" ON "PoolCapacity"("poolId", "quarter", "competence");

-- CreateIndex
CREATE INDEX "ResourceAllocation_poolId_quarter_idx" ON "ResourceAllocation"("poolId", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceAllocation_initiativeId_poolId_quarter_competence_key" ON "ResourceAllocation"("initiativeId", "poolId", "quarter", "competence");

-- CreateIndex
CREATE INDEX "PortfolioMeeting_date_idx" ON "PortfolioMeeting"("date");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_initiativeId_key" ON "AgendaItem"("meetingId", "initiativeId");

-- CreateIndex
CREATE INDEX "Decision_initiativeId_idx" ON "Decision"("initiativeId");

-- CreateIndex
CREATE INDEX "Decision_meetingId_idx" ON "Decision"("meetingId");

-- CreateIndex
CREATE INDEX "Comment_initiativeId_createdAt_idx" ON "Comment"("initiativeId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_ownerDepartmentId_fkey" FOREIGN KEY ("ownerDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeGoal" ADD CONSTRAINT "InitiativeGoal_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeGoal" ADD CONSTRAINT "InitiativeGoal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "StrategicGoal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenefitIndicator" ADD CONSTRAINT "BenefitIndicator_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "BenefitIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TriageAssessment" ADD CONSTRAINT "TriageAssessment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TriageAssessment" ADD CONSTRAINT "TriageAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramCouncilMember" ADD CONSTRAINT "ProgramCouncilMember_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramCouncilMember" ADD CONSTRAINT "ProgramCouncilMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramGoal" ADD CONSTRAINT "ProgramGoal_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramGoal" ADD CONSTRAINT "ProgramGoal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "StrategicGoal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourcePool" ADD CONSTRAINT "ResourcePool_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoolCapacity" ADD CONSTRAINT "PoolCapacity_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "ResourcePool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceAllocation" ADD CONSTRAINT "ResourceAllocation_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceAllocation" ADD CONSTRAINT "ResourceAllocation_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "ResourcePool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceAllocation" ADD CONSTRAINT "ResourceAllocation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortfolioMeeting" ADD CONSTRAINT "PortfolioMeeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PortfolioMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PortfolioMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

