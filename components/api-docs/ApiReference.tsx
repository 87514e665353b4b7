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
  if (state !== "ready") return <p role="status">{state === "failed" ? failed : loading}</p>;
  // The document is written in English, and so is RapiDoc's own text.
  return (
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
        style: { ...ACCESSIBLE_COLOURS, display: "block", height: "auto" },
      })}
    </div>
  );
}
