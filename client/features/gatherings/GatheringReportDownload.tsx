import { useId } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { Gathering, GatheringLive } from "../../../shared/schemas/gatherings";
import { currentLocale } from "../../lib/i18n";
import { FormAlert, useSubmission } from "../../lib/ui";
import { saveFile } from "../assessments/format";
import { useAnnounce } from "../groups/announcer";
import { notesApi } from "../notes/notesApi";
import { gatheringReportFileName, gatheringReportMarkdown } from "./gatheringReport";

/**
 * The gathering's outcome as a Markdown file for anyone in it to take away. Built when pressed, so it
 * holds the summaries as they are now and the minutes as last saved; the minutes come through the API
 * client because the access token lives in memory only and a plain link could not carry it.
 */
export function GatheringReportDownload({ gathering, live }: { gathering: Gathering; live: GatheringLive }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const hintId = useId();
  const { pending, problem, submit } = useSubmission();

  async function download() {
    const done = await submit(async () => {
      const minutesMarkdown = live.minutesPageId ? await (await notesApi.markdown(live.minutesPageId)).blob.text() : null;
      const markdown = gatheringReportMarkdown({ gathering, reports: live.reports, minutesMarkdown }, t, currentLocale());
      saveFile(new Blob([markdown], { type: "text/markdown;charset=utf-8" }), gatheringReportFileName(gathering, t));
    });
    if (done) announce(t("gatherings.report.done"));
  }

  return (
    <div className="gathering-report">
      <p id={hintId} className="muted">
        {t("gatherings.report.hint")}
      </p>
      <Button className="button button--secondary button--small" isPending={pending} aria-describedby={hintId} onPress={() => void download()}>
        {t("gatherings.report.download")}
      </Button>
      <FormAlert problem={problem} />
    </div>
  );
}
