"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES } from "./colors";
import { chartFormats } from "./format";

/**
 * The backlog share per quarter as straight segments between measured points: a curve would
 * invent values between quarters. A quarter without approved initiatives has no share and
 * leaves a gap rather than a line drawn across it; every point has its dot, so a lone one shows.
 */
export default function BacklogChart({ data, label, locale }: { data: Array<{ quarter: string; percent: number | null }>; label: string; locale: string }) {
  const format = chartFormats(locale);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis dataKey="quarter" tick={{ fill: "#1e293b", fontSize: 12 }} />
        <YAxis domain={[0, 100]} tickFormatter={format.percent} tick={{ fill: "#1e293b", fontSize: 12 }} />
        <Tooltip formatter={(value) => format.percent(Number(value))} />
        <Line type="linear" dataKey="percent" name={label} stroke={SERIES.primary} strokeWidth={2} dot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
