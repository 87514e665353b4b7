-- The import's duplicate check (lib/server/import/rows.ts, titleSkeleton and TITLE_SKELETON_SQL):
-- a title's ASCII letters and digits in lower case, without depending on the server's locale.
-- It finds the stored titles a file's titles may collide with without reading every title.
-- Prisma's schema cannot say an index on an expression, so it lives here only.
CREATE INDEX "Initiative_title_skeleton_idx" ON "Initiative"(regexp_replace(translate("title", U&'ABCDEFGHIJKLMNOPQRSTUVWXYZ\0130\212A', 'abcdefghijklmnopqrstuvwxyzik'), '[^0123456789abcdefghijklmnopqrstuvwxyz]', '', 'g'));
-- Statistics on the new expression, so the planner sees how selective it is from the start.
ANALYZE "Initiative";
