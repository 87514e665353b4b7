"use client";
// While the optimiser runs (off the request thread, on the server), its progress is read from
// the run every second; when it ends, the page is rendered again with the result.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Progress = { stage: string; done: number; total: number; elapsedSeconds?: number };
export type RunProgressWords = { label: string; stages: Record<string, string>; elapsed: string; failed: string };

export function RunProgress({ scenarioId, runId, timeLimitSeconds, initial, words }: { scenarioId: string; runId: string; timeLimitSeconds: number; initial: Progress | null; words: RunProgressWords }) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress | null>(initial);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/v1/scenarios/${scenarioId}/runs/${runId}`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const { data } = (await res.json()) as { data: { status: string; progress: Progress | null } };
        if (stopped) return;
        setProgress(data.progress);
        if (data.status !== "RUNNING") {
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        setFailed(true);
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [scenarioId, runId, router]);
  const elapsed = progress?.elapsedSeconds ?? 0;
  // The solve takes at most its time limit; explaining the result comes after, counted by initiative.
  const value = progress?.stage === "explain" && progress.total ? 0.8 + 0.2 * (progress.done / progress.total) : Math.min(0.8, (0.8 * elapsed) / Math.max(1, timeLimitSeconds));
  const stage = words.stages[progress?.stage ?? "prepare"] ?? words.stages.prepare;
  return (
    <div className="space-y-2" data-testid="run-progress">
      <label htmlFor={`progress-${runId}`} className="font-medium">{words.label}</label>
      <progress id={`progress-${runId}`} max={1} value={value} className="block h-4 w-full max-w-xl" />
      {/* The seconds tick outside the live region: a screen reader announces the stage when it changes, and a failure, not every second. */}
      <p>
        <span role="status">{failed ? words.failed : stage}</span>
        {failed ? null : ` · ${words.elapsed}: ${elapsed.toFixed(0)}\u00a0s`}
      </p>
    </div>
  );
}
