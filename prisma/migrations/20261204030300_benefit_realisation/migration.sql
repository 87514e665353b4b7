-- CreateEnum
CREATE TYPE "FollowUpAssessment" AS ENUM ('REALISED', 'PARTLY', 'NOT_REALISED', 'TOO_EARLY');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastDigestAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "noBenefitReason" TEXT;

-- AlterTable
ALTER TABLE "BenefitIndicator" ADD COLUMN     "baselineDate" TIMESTAMP(3),
ADD COLUMN     "method" TEXT,
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Measurement" ADD COLUMN     "correctsId" TEXT,
ADD COLUMN     "followUpId" TEXT,
ADD COLUMN     "source" TEXT;

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "offsetMonths" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "originalDueAt" TIMESTAMP(3),
    "postponeReason" TEXT,
    "assessment" "FollowUpAssessment",
    "comment" TEXT,
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "notifiedDueAt" TIMESTAMP(3),
    "notifiedOverdueAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUp_dueAt_completedAt_idx" ON "FollowUp"("dueAt", "completedAt");

-- CreateIndex
CREATE INDEX "FollowUp_initiativeId_idx" ON "FollowUp"("initiativeId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_indicatorId_offsetMonths_key" ON "FollowUp"("indicatorId", "offsetMonths");

-- CreateIndex
CREATE INDEX "BenefitIndicator_ownerId_idx" ON "BenefitIndicator"("ownerId");

-- CreateIndex
CREATE INDEX "Measurement_correctsId_idx" ON "Measurement"("correctsId");

-- AddForeignKey
ALTER TABLE "BenefitIndicator" ADD CONSTRAINT "BenefitIndicator_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Measurement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "BenefitIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
