"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES } from "./colors";
import { chartFormats } from "./format";

export type EquityDatum = { department: string; resourceShare: number; demandShare: number; benefitShare: number };

/** Per department, the three shares the text compares: central resources, demand and expected benefit. */
export default function EquityChart({ data, labels, locale }: { data: EquityDatum[]; labels: { resourceShare: string; demandShare: string; benefitShare: string }; locale: string }) {
  const format = chartFormats(locale);
  return (
    <ResponsiveContainer width="100%" height={Math.max(240, data.length * 60)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis type="number" tickFormatter={format.percent} tick={{ fill: "#1e293b", fontSize: 12 }} />
        <YAxis type="category" dataKey="department" width={180} tick={{ fill: "#1e293b", fontSize: 12 }} />
        <Tooltip formatter={(value) => format.percent(Number(value))} />
        <Legend />
        <Bar dataKey="resourceShare" name={labels.resourceShare} fill={SERIES.primary} />
        <Bar dataKey="demandShare" name={labels.demandShare} fill={SERIES.secondary} />
        <Bar dataKey="benefitShare" name={labels.benefitShare} fill={SERIES.tertiary} />
      </BarChart>
    </ResponsiveContainer>
  );
}
