"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES } from "./colors";
import { chartFormats } from "./format";

export type BalanceDatum = { name: string; actual: number; target: number | null };

export default function BalanceChart({ data, labels, locale }: { data: BalanceDatum[]; labels: { actual: string; target: string }; locale: string }) {
  const format = chartFormats(locale);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis dataKey="name" tick={{ fill: "#1e293b", fontSize: 12 }} interval={0} />
        <YAxis domain={[0, 100]} tickFormatter={format.percent} tick={{ fill: "#1e293b", fontSize: 12 }} />
        <Tooltip formatter={(value) => format.percent(Number(value))} />
        <Legend />
        <Bar dataKey="actual" name={labels.actual} fill={SERIES.primary} />
        <Bar dataKey="target" name={labels.target} fill={SERIES.secondary} />
      </BarChart>
    </ResponsiveContainer>
  );
}
