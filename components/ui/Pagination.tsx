import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * Previous / "page N of M" / next for a server-paginated list; nothing when there is one page.
 * `label` names the navigation when a page has more than one (default "Pages").
 */
export async function Pagination({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label?: string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("pagination");
  return (
    <nav aria-label={label ?? t("label")} className="flex items-center gap-4">
      {page > 1 ? <Link href={href(page - 1)} className="font-medium text-brand-800 underline">{t("previous")}</Link> : null}
      <span>{t("page", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)} className="font-medium text-brand-800 underline">{t("next")}</Link> : null}
    </nav>
  );
}
