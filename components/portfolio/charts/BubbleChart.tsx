"use client";
import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { QUADRANT_COLORS } from "./colors";
import { chartFormats } from "./format";

export type BubbleSeries = { quadrant: keyof typeof QUADRANT_COLORS; name: string; points: Array<{ id: string; label: string; x: number; y: number; z: number }> };

export default function BubbleChart({ series, labels, locale }: { series: BubbleSeries[]; labels: { x: string; y: string; z: string }; locale: string }) {
  const router = useRouter();
  const format = chartFormats(locale);
  return (
    <ResponsiveContainer width="100%" height={380}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis type="number" dataKey="x" name={labels.x} tickFormatter={format.number} tick={{ fill: "#1e293b", fontSize: 12 }} label={{ value: labels.x, position: "insideBottom", offset: -12, fill: "#1e293b" }} />
        {/* Both axes are named on the chart itself, not only in the text beside it. */}
        <YAxis type="number" dataKey="y" name={labels.y} domain={[0, 100]} tickFormatter={format.number} tick={{ fill: "#1e293b", fontSize: 12 }} label={{ value: labels.y, angle: -90, position: "insideLeft", offset: 0, style: { textAnchor: "middle" }, fill: "#1e293b" }} />
        <ZAxis type="number" dataKey="z" name={labels.z} range={[40, 900]} />
        <Tooltip cursor={{ strokeDasharray: "3 3" }} formatter={(value, name) => [format.number(Number(value)), String(name)]} labelFormatter={() => ""} />
        <Legend verticalAlign="top" />
        {series.map((s) => (
          <Scatter
            key={s.quadrant}
            name={s.name}
            data={s.points}
            fill={QUADRANT_COLORS[s.quadrant]}
            fillOpacity={0.75}
            cursor="pointer"
            onClick={(point: { payload?: { id?: string } }) => {
              if (point?.payload?.id) router.push(`/initiatives/${point.payload.id}`);
            }}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
