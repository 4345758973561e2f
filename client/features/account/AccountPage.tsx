import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { DISPLAY_NAME } from "../../../shared/limits";
import type { AuthSession } from "../../../shared/schemas/auth";
import { api } from "../../lib/api";
import { useAuth, useUser } from "../../lib/auth";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { Field, FormAlert } from "../../lib/ui";
import { useAccountFormSubmission } from "../auth/fields";
import { validateRequired } from "../auth/validation";
import { LanguageSelect } from "../layout/LanguageSelect";
import { CalendarFeedSection } from "../scheduling/CalendarFeed";
import { Page } from "../layout/Page";

/** "Firefox, Windows" from a user-agent string; good enough to tell one's own devices apart. */
function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser =
    [
      ["Edg/", "Edge"],
      ["OPR/", "Opera"],
      ["Firefox/", "Firefox"],
      ["Chromium/", "Chromium"],
      ["Chrome/", "Chrome"],
      ["Safari/", "Safari"],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? null;
  const system =
    [
      ["Android", "Android"],
      ["iPhone", "iOS"],
      ["iPad", "iPadOS"],
      ["Windows", "Windows"],
      ["Mac OS X", "macOS"],
      ["CrOS", "ChromeOS"],
      ["Linux", "Linux"],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? null;
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

function ProfileForm() {
  const { t } = useTranslation();
  const user = useUser();
  const { updateProfile } = useAuth();
  const [status, setStatus] = useState<string | null>(null);
  const { pending, problem, fieldErrors, submit } = useAccountFormSubmission(["displayName"]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const displayName = String(new FormData(event.currentTarget).get("displayName") ?? "");
    setStatus(null);
    if (await submit(() => updateProfile({ displayName }))) setStatus(t("account.saved"));
  }

  return (
    <Form className="form" onSubmit={(event) => void onSubmit(event)} validationErrors={fieldErrors}>
      <FormAlert problem={problem} />
      <Field
        name="displayName"
        label={t("fields.displayName")}
        defaultValue={user.displayName}
        autoComplete="name"
        isRequired
        minLength={DISPLAY_NAME.minLength}
        maxLength={DISPLAY_NAME.maxLength}
        validate={(value) => validateRequired(t, value)}
      />
      <p className="field__readonly">
        <span className="field__label">{t("fields.email")}</span> {user.email}
      </p>
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={pending}>
          {t("account.save")}
        </Button>
        <p role="status" className="form-status">
          {status}
        </p>
      </div>
    </Form>
  );
}

interface SessionItemProps {
  session: AuthSession;
  onEnd: () => void;
  onSignOut: () => void;
  ending: boolean;
}

function SessionItem({ session, onEnd, onSignOut, ending }: SessionItemProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const device = describeDevice(session.userAgent) ?? t("account.unknownDevice");
  return (
    <li className={session.current ? "session session--current" : "session"}>
      <div className="session__info">
        <p className="session__device">
          {device}
          {session.current && <span className="badge">{t("account.thisDevice")}</span>}
        </p>
        <p className="session__meta">
          {t("account.lastUsed", { time: formatDateTime(session.lastUsedAt, locale) })}
          <br />
          {t("account.signedInAt", { time: formatDateTime(session.createdAt, locale) })}
        </p>
      </div>
      {session.current ? (
        <Button className="button button--secondary" onPress={onSignOut}>
          {t("account.signOutHere")}
        </Button>
      ) : (
        <Button className="button button--secondary" onPress={onEnd} isPending={ending} aria-label={t("account.endSessionOf", { device })}>
          {t("account.endSession")}
        </Button>
      )}
    </li>
  );
}

function SessionList() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ["sessions"], queryFn: api.sessions });
  const endSession = useMutation({
    mutationFn: api.endSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["sessions"] }),
  });

  if (sessions.isPending) return <p role="status">{t("common.loading")}</p>;
  if (sessions.isError)
    return (
      <p role="alert" className="form-alert">
        {errorMessage(t, sessions.error)}
      </p>
    );

  return (
    <>
      <FormAlert problem={endSession.isError ? errorMessage(t, endSession.error) : null} />
      <ul className="session-list">
        {sessions.data.sessions.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            ending={endSession.isPending && endSession.variables === session.id}
            onEnd={() => endSession.mutate(session.id)}
            onSignOut={() => void signOut().then(() => navigate("/sign-in"))}
          />
        ))}
      </ul>
    </>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("account.title")}>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("account.profileTitle")}</h2>
        <ProfileForm />
      </section>
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t("account.languageTitle")}</h2>
        <p>{t("account.languageText")}</p>
        <LanguageSelect label={t("account.languageLabel")} className="language-select--stacked" />
      </section>
      <CalendarFeedSection />
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("account.sessionsTitle")}</h2>
        <p>{t("account.sessionsText")}</p>
        <SessionList />
      </section>
    </Page>
  );
}
