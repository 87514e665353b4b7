-- Trigram search for the free-text filter (ILIKE on title and need). PGlite ships it as a
-- contrib extension that lib/database/adapters.ts loads; a PostgreSQL server has it in contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Initiative_updatedAt_idx" ON "Initiative"("updatedAt");

-- CreateIndex
CREATE INDEX "Initiative_createdAt_idx" ON "Initiative"("createdAt");

-- CreateIndex
CREATE INDEX "Initiative_title_idx" ON "Initiative"("title");

-- CreateIndex
CREATE INDEX "Initiative_estimatedCostSek_idx" ON "Initiative"("estimatedCostSek");

-- CreateIndex
CREATE INDEX "Initiative_title_trgm_idx" ON "Initiative" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Initiative_need_trgm_idx" ON "Initiative" USING GIN ("need" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "StatusChange_at_idx" ON "StatusChange"("at");

-- CreateIndex
CREATE INDEX "ResourceAllocation_quarter_idx" ON "ResourceAllocation"("quarter");
