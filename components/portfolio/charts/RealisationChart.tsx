"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES } from "./colors";
import { formatLocale } from "@/lib/i18n/locales";

/** Planned against realised yearly benefit (kr) per group, as horizontal bars. */
export default function RealisationChart({ data, labels, locale }: { data: Array<{ name: string; planned: number; realised: number }>; labels: { planned: string; realised: string; axis: string }; locale: string }) {
  // Numbers as the reader writes them (sv: 1 100 000).
  const number = new Intl.NumberFormat(formatLocale(locale), { notation: "compact", maximumFractionDigits: 1 });
  const full = new Intl.NumberFormat(formatLocale(locale));
  return (
    <ResponsiveContainer width="100%" height={Math.max(240, data.length * 48)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis type="number" tickFormatter={(v: number) => number.format(v)} tick={{ fill: "#1e293b", fontSize: 12 }} label={{ value: labels.axis, position: "insideBottom", offset: -12, fill: "#1e293b" }} />
        <YAxis type="category" dataKey="name" width={200} tick={{ fill: "#1e293b", fontSize: 12 }} />
        <Tooltip formatter={(v) => full.format(Number(v))} />
        <Legend verticalAlign="top" />
        <Bar dataKey="planned" name={labels.planned} fill={SERIES.secondary} />
        <Bar dataKey="realised" name={labels.realised} fill={SERIES.primary} />
      </BarChart>
    </ResponsiveContainer>
  );
}
