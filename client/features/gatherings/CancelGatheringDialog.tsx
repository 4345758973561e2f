import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Gathering } from "../../../shared/schemas/gatherings";
import { ConfirmDialog } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { gatheringKeys, gatheringsApi } from "./gatheringsApi";

/**
 * A host cancels the gathering after confirming. `onCancelled` runs as the dialog closes after a
 * cancellation, so the page can move focus somewhere sensible: the cancel button that opened the
 * dialog is gone by then.
 */
export function CancelGatheringDialog({
  gathering,
  isOpen,
  onOpenChange,
  onCancelled,
}: {
  gathering: Gathering;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const cancelled = useRef(false);

  async function cancel() {
    const { gathering: saved } = await gatheringsApi.update(gathering.id, { status: "cancelled" });
    cancelled.current = true;
    queryClient.setQueryData(gatheringKeys.detail(gathering.id), { gathering: saved });
    void queryClient.invalidateQueries({ queryKey: gatheringKeys.programme(saved.programmeId) });
    void queryClient.invalidateQueries({ queryKey: gatheringKeys.mine });
    announce(t("gatherings.cancel.done", { title: saved.title }));
  }

  return (
    <ConfirmDialog
      title={t("gatherings.cancel.title", { title: gathering.title })}
      message={t("gatherings.cancel.text")}
      confirmLabel={t("gatherings.cancel.confirm")}
      danger
      isOpen={isOpen}
      onOpenChange={(open) => {
        onOpenChange(open);
        if (!open && cancelled.current) onCancelled();
      }}
      onConfirm={cancel}
    />
  );
}
