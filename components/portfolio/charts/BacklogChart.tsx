"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES } from "./colors";

export default function BacklogChart({ data, label }: { data: Array<{ quarter: string; percent: number | null }>; label: string }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis dataKey="quarter" tick={{ fill: "#1e293b", fontSize: 12 }} />
        <YAxis unit=" %" domain={[0, 100]} tick={{ fill: "#1e293b", fontSize: 12 }} />
        <Tooltip />
        <Line type="monotone" dataKey="percent" name={label} stroke={SERIES.primary} strokeWidth={2} dot={{ r: 4 }} connectNulls />
      </LineChart>
    </ResponsiveContainer>
  );
}
