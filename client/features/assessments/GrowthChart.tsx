import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { ASSESSMENT } from "../../../shared/limits";
import type { RoundKind } from "../../../shared/schemas/assessments";
import { wrapLabel, type GrowthRow } from "./model";

/**
 * Colours per kind of round, told apart by hue and lightness alike (orange, slate, deep teal), so they
 * stay distinct with red–green colour blindness and in greyscale; each has at least 3:1 against white.
 * The same colours are in assessments.css for the legend.
 */
export const SERIES_COLOURS: Record<RoundKind, string> = {
  start: "#b35900",
  midpoint: "#5b6675",
  end: "#0b5d66",
  feedback: "#5b6675",
};

export interface ChartSeries {
  key: string;
  kind: RoundKind;
  label: string;
}

const TICKS = Array.from({ length: ASSESSMENT.scaleMax - ASSESSMENT.scaleMin + 1 }, (_, index) => ASSESSMENT.scaleMin + index);

/** Roughly the width of an average character of the 14-pixel tick font, for wrapping. */
const CHAR_WIDTH = 7.2;
const LINE_HEIGHT = 16;

/** A category label wrapped over up to three lines, as statements are whole sentences. */
function WrappedTick({ x, y, payload, width }: { x?: number | string; y?: number | string; payload?: { value?: unknown }; width: number }) {
  const lines = wrapLabel(String(payload?.value ?? ""), Math.floor(width / CHAR_WIDTH), 3);
  const top = Number(y) - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text x={Number(x)} y={top} textAnchor="end" dominantBaseline="middle" className="growth-chart__tick">
      {lines.map((line, index) => (
        <tspan key={index} x={Number(x) - 6} y={top + index * LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * My scores per row (an area or a statement) as horizontal bars, one per round, on the 1–5 scale. The
 * chart is a picture for sighted users; the same figures are in the table beside it, which is what
 * screen readers get, so the SVG itself is hidden from them.
 */
export function GrowthChart({
  rows,
  series,
  axisLabel,
  formatValue,
  labelWidth = 220,
}: {
  rows: readonly GrowthRow[];
  series: readonly ChartSeries[];
  axisLabel: string;
  formatValue: (value: number) => string;
  labelWidth?: number;
}) {
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const barSize = 16;
  const height = rows.length * (series.length * (barSize + 4) + 28) + 56;
  return (
    <div className="growth-chart" aria-hidden="true">
      <BarChart
        responsive
        width="100%"
        height={height}
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 4, right: 40, bottom: 24, left: 8 }}
        barGap={4}
        barCategoryGap={14}
      >
        <CartesianGrid horizontal={false} stroke="#d5d9de" />
        <XAxis
          type="number"
          domain={[ASSESSMENT.scaleMin, ASSESSMENT.scaleMax]}
          ticks={TICKS}
          allowDecimals={false}
          tick={{ fill: "#1d2530", fontSize: 13 }}
          stroke="#6b7480"
          label={{ value: axisLabel, position: "insideBottom", offset: -16, fill: "#1d2530", fontSize: 13 }}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          stroke="#6b7480"
          tickLine={false}
          interval={0}
          tick={(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => <WrappedTick {...props} width={labelWidth - 12} />}
        />
        {series.map((entry) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.label} fill={SERIES_COLOURS[entry.kind]} barSize={barSize} radius={[0, 3, 3, 0]} isAnimationActive={false}>
            <LabelList
              dataKey={entry.key}
              position="right"
              fill="#1d2530"
              fontSize={13}
              formatter={(value: unknown) => (typeof value === "number" ? formatValue(value) : "")}
            />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
