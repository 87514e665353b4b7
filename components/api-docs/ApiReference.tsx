"use client";
import { createElement, useEffect, useState } from "react";

// RapiDoc's own colours fall short of WCAG AA contrast (orange, red and grey text on white);
// these replace them. Custom properties on the host element win over the component's :host defaults.
const ACCESSIBLE_COLOURS = {
  "--red": "#b91c1c", "--orange": "#9a3412", "--green": "#166534", "--blue": "#1d4ed8", "--purple": "#6b21a8",
  "--pink": "#9d174d", "--yellow": "#854d0e", "--brown": "#78350f", "--light-fg": "#475569", "--gray": "#475569",
} as React.CSSProperties;

/**
 * The interactive reference, drawn by RapiDoc (a web component) from the same document
 * that /api/v1/openapi.json serves. Its code (about 0.9 MB) is loaded here only, on demand.
 */
export function ApiReference({ specUrl, loading, failed }: { specUrl: string; loading: string; failed: string }) {
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  useEffect(() => {
    let live = true;
    import("rapidoc").then(
      () => live && setState("ready"),
      () => live && setState("failed"),
    );
    return () => {
      live = false;
    };
  }, []);
  // The element is in the page before its code arrives, so RapiDoc starts with all its
  // attributes set (it lays itself out once, at upgrade).
  return (
    <>
      {state === "ready" ? null : <p role="status">{state === "failed" ? failed : loading}</p>}
      {/* The document is written in English, and so is RapiDoc's own text. */}
      <div lang="en" data-testid="api-reference">
        {createElement("rapi-doc", {
          "spec-url": specUrl,
          "render-style": "view",
          layout: "column",
          theme: "light",
          "bg-color": "#ffffff",
          "text-color": "#1e293b",
          "primary-color": "#1d4e89",
          "show-header": "false",
          "show-info": "false",
          "allow-try": "false",
          "allow-authentication": "false",
          "allow-server-selection": "false",
          "default-schema-tab": "schema",
          "schema-style": "table",
          "update-route": "false",
          // Not Open Sans from Google's servers (blocked by the CSP anyway, and a municipality's
          // visitors are not to be sent to a third party): the theme's own font stack.
          "load-fonts": "false",
          "regular-font": "var(--font-sans)",
          // A fixed height, scrolling inside: RapiDoc's layout does not report its grown height
          // to the page reliably, and the footer then ran over expanded operations.
          style: { ...ACCESSIBLE_COLOURS, display: "block", height: "calc(100vh - 6rem)", minHeight: "30rem" },
        })}
      </div>
    </>
  );
}
