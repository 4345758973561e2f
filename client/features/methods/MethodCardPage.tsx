import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { ApiError, groupsApi } from "../../lib/api";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ConfirmDialog } from "../../lib/ui";
import { useAnnounce } from "../groups/announcer";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { methodKeys } from "./cardsCache";
import { methodsApi } from "./methodsApi";
import { FavouriteButton, MethodCardDetail } from "./MethodCardView";
import { cardTitle } from "./text";
import "./methods.css";

/** One method card on a page of its own, to read before a meeting or link to from an agenda. */
export default function MethodCardPage() {
  const { t } = useTranslation();
  const { cardId = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [removing, setRemoving] = useState(false);
  const query = useQuery({ queryKey: methodKeys.card(cardId), queryFn: () => methodsApi.get(cardId) });
  const groups = useQuery({ queryKey: groupKeys.mine, queryFn: groupsApi.list });
  const card = query.data?.card;
  // The library's filters come back with the way back to it.
  const search = (location.state as { search?: unknown } | null)?.search;
  const backTo = typeof search === "string" && search ? `/methods?${search}` : "/methods";
  const back = (
    <p className="back-link">
      <Link to={backTo}>{t("methods.backToLibrary")}</Link>
    </p>
  );

  if (query.isPending) {
    return (
      <Page title={t("methods.title")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (!card) {
    const gone = query.error instanceof ApiError && query.error.code === "not_found";
    return (
      <Page title={gone ? t("methods.notFound") : t("methods.title")}>
        <p>{errorMessage(t, query.error)}</p>
        {back}
      </Page>
    );
  }

  const title = cardTitle(card, currentLocale());
  const canRemove =
    card.scope === "group" && groups.data?.groups.some((group) => group.id === card.groupId && group.myRole === "facilitator") === true;

  async function remove() {
    await methodsApi.remove(cardId);
    queryClient.removeQueries({ queryKey: methodKeys.card(cardId) });
    await queryClient.invalidateQueries({ queryKey: methodKeys.lists });
    announce(t("methods.removed", { title }));
    await navigate(backTo);
  }

  return (
    <Page title={title} className="method-card-page">
      {back}
      <article className="card method-card-page__card" aria-label={title}>
        <div className="method-card-page__tools">
          <FavouriteButton card={card} />
          {canRemove && (
            <Button className="button button--danger-quiet button--small" onPress={() => setRemoving(true)}>
              {t("methods.remove")}
            </Button>
          )}
        </div>
        <MethodCardDetail card={card} />
      </article>
      {removing && (
        <ConfirmDialog
          title={t("methods.removeTitle")}
          message={t("methods.removeText", { title })}
          confirmLabel={t("methods.remove")}
          isOpen={removing}
          onOpenChange={setRemoving}
          onConfirm={remove}
          danger
        />
      )}
    </Page>
  );
}
