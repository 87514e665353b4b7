-- CreateEnum
CREATE TYPE "OptimiserRunStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "scenarioId" TEXT;

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "changes" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "adoptedAt" TIMESTAMP(3),
    "adoptedInMeetingId" TEXT,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptimiserRun" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "status" "OptimiserRunStatus" NOT NULL DEFAULT 'RUNNING',
    "timeLimitSeconds" INTEGER NOT NULL,
    "progress" JSONB,
    "result" JSONB,
    "error" TEXT,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OptimiserRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioAgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Scenario_updatedAt_idx" ON "Scenario"("updatedAt");

-- CreateIndex
CREATE INDEX "OptimiserRun_scenarioId_startedAt_idx" ON "OptimiserRun"("scenarioId", "startedAt");

-- CreateIndex
CREATE INDEX "ScenarioAgendaItem_scenarioId_idx" ON "ScenarioAgendaItem"("scenarioId");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioAgendaItem_meetingId_scenarioId_key" ON "ScenarioAgendaItem"("meetingId", "scenarioId");

-- CreateIndex
CREATE INDEX "Decision_scenarioId_idx" ON "Decision"("scenarioId");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_adoptedInMeetingId_fkey" FOREIGN KEY ("adoptedInMeetingId") REFERENCES "PortfolioMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptimiserRun" ADD CONSTRAINT "OptimiserRun_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptimiserRun" ADD CONSTRAINT "OptimiserRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioAgendaItem" ADD CONSTRAINT "ScenarioAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PortfolioMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioAgendaItem" ADD CONSTRAINT "ScenarioAgendaItem_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioAgendaItem" ADD CONSTRAINT "ScenarioAgendaItem_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
