import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { MESSAGE } from "../../../shared/limits";
import { Page } from "../layout/Page";
import { chatApi, chatErrorMessage, chatKeys } from "./chatApi";
import { highlightParts } from "./linkify";
import { MessageTime } from "./MessageItem";
import "./chat.css";

/**
 * Searching the messages of my groups. The query lives in the address (`/search?q=…`) so a search can
 * be returned to with Back. Matches come marked with « and » and are shown as <mark>, as text only.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = (params.get("q") ?? "").trim();
  const [draft, setDraft] = useState(query);
  const search = useQuery({ queryKey: chatKeys.search(query), queryFn: () => chatApi.search(query), enabled: query.length > 0 });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = draft.trim();
    setParams(wanted ? { q: wanted } : {});
  }

  return (
    <Page title={t("chat.searchTitle")}>
      <form role="search" className="chat-search" onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`}>{t("chat.searchLabel")}</label>
        <div className="chat-search__row">
          <input
            id={`${id}-q`}
            type="search"
            className="chat-search__input"
            value={draft}
            maxLength={MESSAGE.searchQueryMaxLength}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button--primary">
            {t("chat.searchButton")}
          </button>
        </div>
      </form>
      <div role="status" className="chat-search__status">
        {query && search.isPending && t("common.loading")}
        {query && search.isSuccess && t("chat.searchCount", { count: search.data.results.length, query })}
      </div>
      {search.isError && (
        <p role="alert" className="chat-panel__error">
          {chatErrorMessage(t, search.error)}
        </p>
      )}
      {search.isSuccess && search.data.results.length > 0 && (
        <ol className="chat-search__results">
          {search.data.results.map((hit) => (
            <li key={hit.message.id} className="chat-search__hit">
              <p className="chat-message__meta">
                {hit.groupId ? (
                  <Link to={`/groups/${hit.groupId}`} className="chat-search__group">
                    {hit.groupName}
                  </Link>
                ) : (
                  <span className="chat-search__group">{hit.groupName}</span>
                )}
                <span className="chat-message__author">{hit.message.authorName}</span>
                <MessageTime iso={hit.message.createdAt} />
              </p>
              <p className="chat-search__snippet">
                {highlightParts(hit.snippet).map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}

export default SearchPage;
