import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button, Switch, Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Locale } from "../../../shared/locales";
import type { MyGrowth } from "../../../shared/schemas/assessments";
import { ApiError, groupsApi } from "../../lib/api";
import { useUser } from "../../lib/auth";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { FormAlert, useSubmission } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { formatCalendarDate } from "../groups/format";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { assessmentsApi } from "./assessmentsApi";
import { formatChange, formatScore, saveFile } from "./format";
import { GrowthChart, type ChartSeries } from "./GrowthChart";
import { GrowthTable } from "./GrowthTable";
import { roundKindLabel } from "./labels";
import { assessmentKeys } from "./live";
import { areaRows, growthSeries, reflectionRows, statementRows, type GrowthSeries } from "./model";
import "./assessments.css";

function chartSeries(t: ReturnType<typeof useTranslation>["t"], series: readonly GrowthSeries[]): ChartSeries[] {
  return series.map((entry) => ({ key: entry.key, kind: entry.round.kind, label: roundKindLabel(t, entry.round.kind) }));
}

function Legend({ series, growth, locale }: { series: readonly ChartSeries[]; growth: readonly GrowthSeries[]; locale: Locale }) {
  return (
    <ul className="growth-legend" aria-hidden="true">
      {series.map((entry, index) => (
        <li key={entry.key}>
          <span className={`growth-legend__swatch growth-legend__swatch--${entry.kind}`} />
          {entry.label}
          <span className="muted"> · {formatCalendarDate(growth[index]!.round.closesOn, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A chart with its table behind a toggle; the table is always in the page for screen readers. */
function ChartWithTable({
  caption,
  rowHeader,
  rows,
  series,
  growth,
  integer,
  labelWidth,
}: {
  caption: string;
  rowHeader: string;
  rows: ReturnType<typeof areaRows>;
  series: readonly ChartSeries[];
  growth: readonly GrowthSeries[];
  integer: boolean;
  labelWidth?: number;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tableId = useId();
  const [tableShown, setTableShown] = useState(false);
  const formatValue = (value: number) => (integer ? String(value) : formatScore(value, locale));
  return (
    <figure className="growth-figure">
      <figcaption className="growth-figure__caption">{caption}</figcaption>
      <Legend series={series} growth={growth} locale={locale} />
      <GrowthChart rows={rows} series={series} axisLabel={t("assessments.growth.axis")} formatValue={formatValue} labelWidth={labelWidth} />
      <Button className="button button--link" aria-expanded={tableShown} aria-controls={tableId} onPress={() => setTableShown(!tableShown)}>
        {tableShown ? t("assessments.growth.hideTable") : t("assessments.growth.showTable")}
      </Button>
      {/* Hidden visually only: the table is the chart's text alternative. */}
      <div id={tableId} className={tableShown ? "growth-figure__table" : "visually-hidden"}>
        <GrowthTable
          caption={caption}
          rowHeader={rowHeader}
          rows={rows}
          series={series}
          growthSeries={growth}
          formatValue={formatValue}
          formatChange={(value) => formatChange(value, locale)}
          isHidden={!tableShown}
        />
      </div>
    </figure>
  );
}

function ByStatement({ series, growth }: { series: readonly ChartSeries[]; growth: readonly GrowthSeries[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const areas = areaRows(growth, locale);
  return (
    <section className="card" aria-labelledby="growth-statements-heading">
      <h2 id="growth-statements-heading">{t("assessments.growth.byStatement")}</h2>
      <Tabs className="growth-tabs">
        <TabList className="growth-tabs__list" aria-label={t("assessments.growth.areasLabel")}>
          {areas.map((area) => (
            <Tab key={area.id} id={area.id} className="growth-tabs__tab">
              {area.label}
            </Tab>
          ))}
        </TabList>
        {areas.map((area) => (
          <TabPanel key={area.id} id={area.id} className="growth-tabs__panel">
            <ChartWithTable
              caption={t("assessments.growth.statementsCaption", { area: area.label })}
              rowHeader={t("assessments.growth.statement")}
              rows={statementRows(growth, area.id, locale)}
              series={series}
              growth={growth}
              integer
              labelWidth={300}
            />
          </TabPanel>
        ))}
      </Tabs>
    </section>
  );
}

function Reflections({ growth }: { growth: MyGrowth }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rows = reflectionRows(growth, locale);
  return (
    <section className="card" aria-labelledby="growth-reflections-heading">
      <h2 id="growth-reflections-heading">{t("assessments.growth.reflectionsTitle")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("assessments.growth.noReflections")}</p>
      ) : (
        rows.map((row) => (
          <div key={row.id} className="reflection-row">
            <h3 className="reflection-row__question">{row.question}</h3>
            <div className="reflection-row__answers">
              {row.answers.map((answer) => (
                <div key={answer.key} className={`reflection reflection--${answer.round.kind}`}>
                  <p className="reflection__round">
                    {roundKindLabel(t, answer.round.kind)}
                    <span className="muted"> · {formatCalendarDate(answer.round.closesOn, locale)}</span>
                  </p>
                  <p className="reflection__text">{answer.text}</p>
                </div>
              ))}
            </div>
          </div>
        ))
      )}
    </section>
  );
}

function Sharing({ groupId, growth }: { groupId: string; growth: MyGrowth }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const { pending, problem, submit } = useSubmission();

  async function change(shared: boolean) {
    const ok = await submit(async () => {
      await assessmentsApi.setSharing(groupId, shared);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.growth(groupId) }),
        queryClient.invalidateQueries({ queryKey: assessmentKeys.sharedGrowth(groupId) }),
      ]);
    });
    if (ok) announce(shared ? t("assessments.sharing.nowShared") : t("assessments.sharing.nowPrivate"));
  }

  return (
    <section className="card" aria-labelledby="growth-sharing-heading">
      <h2 id="growth-sharing-heading">{t("assessments.sharing.title")}</h2>
      <p>{t("assessments.sharing.lead")}</p>
      <FormAlert problem={problem} />
      <Switch className="switch" isSelected={growth.sharedWithGroup} isDisabled={pending} onChange={(shared) => void change(shared)}>
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        {t("assessments.sharing.label")}
      </Switch>
      <p className="muted switch__state">{growth.sharedWithGroup ? t("assessments.sharing.isShared") : t("assessments.sharing.isPrivate")}</p>
    </section>
  );
}

function SharedByOthers({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const user = useUser();
  const query = useQuery({ queryKey: assessmentKeys.sharedGrowth(groupId), queryFn: () => assessmentsApi.sharedGrowth(groupId) });
  return (
    <section className="card" aria-labelledby="growth-shared-heading">
      <h2 id="growth-shared-heading">{t("assessments.shared.title")}</h2>
      {query.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : query.isError ? (
        <p className="field-error">{errorMessage(t, query.error)}</p>
      ) : query.data.members.length === 0 ? (
        <p className="muted">{t("assessments.shared.none")}</p>
      ) : (
        query.data.members.map((member) => {
          const growth = growthSeries(member.growth);
          const name = member.userId === user.id ? t("assessments.shared.you", { name: member.displayName }) : member.displayName;
          return (
            <div key={member.userId} className="shared-member">
              <h3 className="shared-member__name">{name}</h3>
              {growth.length === 0 ? (
                <p className="muted">{t("assessments.shared.nothingYet")}</p>
              ) : (
                <GrowthTable
                  caption={t("assessments.shared.caption", { name: member.displayName })}
                  captionHidden
                  rowHeader={t("assessments.growth.area")}
                  rows={areaRows(growth, locale)}
                  series={chartSeries(t, growth)}
                  growthSeries={growth}
                  formatValue={(value) => formatScore(value, locale)}
                  formatChange={(value) => formatChange(value, locale)}
                />
              )}
            </div>
          );
        })
      )}
    </section>
  );
}

function DownloadMyAnswers({ groupId, groupName }: { groupId: string; groupName: string }) {
  const { t } = useTranslation();
  const { pending, problem, submit } = useSubmission();
  return (
    <section className="card card--quiet" aria-labelledby="growth-export-heading">
      <h2 id="growth-export-heading">{t("assessments.export.title")}</h2>
      <p>{t("assessments.export.lead")}</p>
      <FormAlert problem={problem} />
      <Button
        className="button button--secondary"
        isPending={pending}
        onPress={() =>
          void submit(async () => {
            const blob = await assessmentsApi.myGrowthCsv(groupId);
            saveFile(blob, `${t("assessments.export.fileName", { group: groupName }).replace(/[^\p{L}\p{N}_-]+/gu, "-")}.csv`);
          })
        }
      >
        {t("assessments.export.button")}
      </Button>
    </section>
  );
}

export default function GrowthPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { groupId = "" } = useParams();
  const group = useQuery({ queryKey: groupKeys.detail(groupId), queryFn: () => groupsApi.get(groupId) });
  const query = useQuery({ queryKey: assessmentKeys.growth(groupId), queryFn: () => assessmentsApi.myGrowth(groupId) });
  const title = t("assessments.growth.title");
  const groupName = group.data?.group.name ?? "";

  if (query.isPending) {
    return (
      <Page title={title}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (query.isError) {
    const gone = query.error instanceof ApiError && (query.error.code === "not_found" || query.error.code === "forbidden");
    return (
      <Page title={title}>
        <p>{gone ? t("groups.notFoundText") : errorMessage(t, query.error)}</p>
        <p>
          <Link to="/">{t("groups.backHome")}</Link>
        </p>
      </Page>
    );
  }

  const growth = query.data;
  const series = growthSeries(growth);
  const chart = chartSeries(t, series);
  const areas = areaRows(series, locale);
  const openRound = growth.rounds.find((entry) => entry.round.status === "open" && entry.round.kind !== "feedback" && entry.response?.status !== "submitted");

  return (
    <Page title={title} documentTitle={groupName ? `${title} – ${groupName}` : title} className="growth-page">
      <p className="answer-page__meta">{groupName && <Link to={`/groups/${groupId}`}>{groupName}</Link>}</p>
      <p className="page__lead">{t("assessments.growth.lead")}</p>
      {openRound && (
        <p className="banner banner--info">
          {t("assessments.growth.openRound", { kind: roundKindLabel(t, openRound.round.kind), date: formatCalendarDate(openRound.round.closesOn, locale) })}{" "}
          <Link to={`/groups/${groupId}/assessments/${openRound.round.id}`}>{t("assessments.growth.answerNow")}</Link>
        </p>
      )}
      {series.length === 0 ? (
        <section className="card">
          <div className="empty-state">
            <p className="empty-state__title">{t("assessments.growth.emptyTitle")}</p>
            <p>{t("assessments.growth.emptyText")}</p>
          </div>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="growth-areas-heading">
            <h2 id="growth-areas-heading">{t("assessments.growth.byArea")}</h2>
            <p className="muted">{series.length < 2 ? t("assessments.growth.onlyOne") : t("assessments.growth.byAreaLead")}</p>
            <ChartWithTable
              caption={t("assessments.growth.areasCaption")}
              rowHeader={t("assessments.growth.area")}
              rows={areas}
              series={chart}
              growth={series}
              integer={false}
            />
          </section>
          <ByStatement series={chart} growth={series} />
        </>
      )}
      <Reflections growth={growth} />
      <Sharing groupId={groupId} growth={growth} />
      <SharedByOthers groupId={groupId} />
      {series.length > 0 && <DownloadMyAnswers groupId={groupId} groupName={groupName} />}
    </Page>
  );
}
