"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES } from "./colors";

export default function EquityChart({ data, labels }: { data: Array<{ department: string; resourceShare: number; demandShare: number }>; labels: { resourceShare: string; demandShare: string } }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(240, data.length * 44)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis type="number" unit=" %" tick={{ fill: "#1e293b", fontSize: 12 }} />
        <YAxis type="category" dataKey="department" width={180} tick={{ fill: "#1e293b", fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="resourceShare" name={labels.resourceShare} fill={SERIES.primary} />
        <Bar dataKey="demandShare" name={labels.demandShare} fill={SERIES.secondary} />
      </BarChart>
    </ResponsiveContainer>
  );
}
