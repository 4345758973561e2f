import { useTranslation } from "react-i18next";
import { TableScroll } from "./TableScroll";
import type { ChartSeries } from "./GrowthChart";
import { changeOf, type GrowthRow, type GrowthSeries } from "./model";

/** The figures of a growth chart as a real table, which is what screen readers and copy-paste get. */
export function GrowthTable({
  caption,
  rowHeader,
  rows,
  series,
  growthSeries,
  formatValue,
  formatChange,
  captionHidden = false,
  isHidden = false,
}: {
  caption: string;
  rowHeader: string;
  rows: readonly GrowthRow[];
  series: readonly ChartSeries[];
  growthSeries: readonly GrowthSeries[];
  formatValue: (value: number) => string;
  formatChange: (value: number) => string;
  captionHidden?: boolean;
  /** Shown to screen readers only, as a chart's text alternative. */
  isHidden?: boolean;
}) {
  const { t } = useTranslation();
  const showChange = series.length >= 2;
  return (
    <TableScroll label={caption} isHidden={isHidden}>
      <table className="table growth-table">
        <caption className={captionHidden ? "visually-hidden" : "growth-table__caption"}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((entry) => (
              <th scope="col" key={entry.key} className="growth-table__number">
                {entry.label}
              </th>
            ))}
            {showChange && (
              <th scope="col" className="growth-table__number">
                {t("assessments.growth.change")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const change = changeOf(row, growthSeries);
            return (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                {series.map((entry) => {
                  const value = row.values[entry.key];
                  return (
                    <td key={entry.key} className="growth-table__number">
                      {value === null || value === undefined ? <span className="muted">{t("assessments.growth.noValue")}</span> : formatValue(value)}
                    </td>
                  );
                })}
                {showChange && (
                  <td className="growth-table__number">{change === null ? <span className="muted">{t("assessments.growth.noValue")}</span> : formatChange(change)}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
