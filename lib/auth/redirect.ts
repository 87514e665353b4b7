/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeCallback(url: string | undefined | null): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}
