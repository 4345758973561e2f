import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/i18n";
import { useAnnounce } from "../groups/announcer";
import { icsFileName } from "./format";
import { schedulingApi } from "./schedulingApi";

/** Hands a downloaded file to the browser to save under the given name. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads one meeting (or, given `fetchFile`, another event such as a gathering) as an `.ics` file to
 * import into a calendar. A plain link cannot carry the access token (it lives in memory only), so the
 * file is fetched through the API client and saved.
 */
export function IcsDownload({
  title,
  className = "button button--secondary button--small",
  ...source
}: { title: string; className?: string } & ({ meetingId: string } | { fetchFile: () => Promise<Blob> })) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function download() {
    setPending(true);
    setProblem(null);
    try {
      saveBlob(await ("fetchFile" in source ? source.fetchFile() : schedulingApi.ics(source.meetingId)), icsFileName(title));
      announce(t("scheduling.ics.done"));
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {/* A named label rather than hidden text: Chrome would put a space before the colon. */}
      <Button className={className} isPending={pending} aria-label={`${t("scheduling.ics.download")}: ${title}`} onPress={() => void download()}>
        {t("scheduling.ics.download")}
      </Button>
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </>
  );
}
