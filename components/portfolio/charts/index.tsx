"use client";
// The charts load after the page: recharts stays out of the first-load JavaScript, and the
// server-rendered tables beside them carry the same figures meanwhile.
import dynamic from "next/dynamic";

const placeholder = (height: number) => {
  const Placeholder = () => <div aria-hidden="true" style={{ height }} className="animate-pulse rounded bg-slate-100" />;
  return Placeholder;
};

export const BalanceChart = dynamic(() => import("./BalanceChart"), { ssr: false, loading: placeholder(280) });
export const BubbleChart = dynamic(() => import("./BubbleChart"), { ssr: false, loading: placeholder(380) });
export const BacklogChart = dynamic(() => import("./BacklogChart"), { ssr: false, loading: placeholder(240) });
export const EquityChart = dynamic(() => import("./EquityChart"), { ssr: false, loading: placeholder(240) });
export const RealisationChart = dynamic(() => import("./RealisationChart"), { ssr: false, loading: placeholder(240) });
