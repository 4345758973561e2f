import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Button, Form, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { EMAIL, INVITATION } from "../../../shared/limits";
import type { CreatedInvitation, CreateInvitationInput, Invitation } from "../../../shared/schemas/groups";
import { groupsApi } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { ChoiceGroup, Field, FormAlert, formText, useSubmission } from "../../lib/ui";
import { validateEmail } from "../auth/validation";
import { useAnnounce } from "./announcer";
import { groupKeys } from "./live";

const EXPIRY_CHOICES = [1, 7, 14, 30, INVITATION.maxDays] as const;

/** A select of how long a link stays valid, in days. */
export function ExpirySelect({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const { t } = useTranslation();
  return (
    <Select className="field select" selectedKey={String(value)} onSelectionChange={(key) => onChange(Number(key))}>
      <Label className="field__label">{t("invitations.expiry")}</Label>
      <Button className="select__button">
        <SelectValue />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="menu">
          {EXPIRY_CHOICES.map((days) => (
            <ListBoxItem key={days} id={String(days)} className="menu__item" textValue={t("invitations.days", { count: days })}>
              {t("invitations.days", { count: days })}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** The link just made, with a copy button; the token is shown only once. */
export function CreatedLink({ invitation }: { invitation: CreatedInvitation }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.url);
    } catch {
      // No clipboard access (an insecure origin, say): leave the text selected for Ctrl+C.
      input.current?.select();
    }
    setCopied(true);
    announce(t("invitations.copied"));
  }

  return (
    <div className="created-link" role="group" aria-labelledby="created-link-label">
      <p id="created-link-label" className="field__label">
        {t("invitations.linkLabel")}
      </p>
      <div className="created-link__row">
        <input
          ref={input}
          className="field__input created-link__input"
          readOnly
          value={invitation.url}
          aria-labelledby="created-link-label"
          aria-describedby="created-link-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button className="button button--primary" onPress={() => void copy()}>
          {copied ? t("invitations.copiedButton") : t("invitations.copy")}
        </Button>
      </div>
      <p id="created-link-hint" className="field__description">
        {t("invitations.linkHint")}
      </p>
    </div>
  );
}

function invitationState(invitation: Invitation, now: number): "revoked" | "used" | "expired" | "active" {
  if (invitation.revoked) return "revoked";
  if (invitation.singleUse && invitation.uses >= 1) return "used";
  if (new Date(invitation.expiresAt).getTime() <= now) return "expired";
  return "active";
}

/** A form for a new invitation link, shared by the group page and the programme page. */
export function InvitationForm({
  create,
  onCreated,
  submitLabel,
}: {
  create: (input: CreateInvitationInput) => Promise<{ invitation: CreatedInvitation }>;
  onCreated?: (invitation: CreatedInvitation) => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(INVITATION.defaultDays);
  const [use, setUse] = useState<"single" | "multi">("single");
  const { pending, problem, submit } = useSubmission();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(new FormData(event.currentTarget), "email");
    await submit(async () => {
      const { invitation } = await create({ expiresInDays: days, singleUse: use === "single", ...(email ? { email } : {}) });
      setCreated(invitation);
      onCreated?.(invitation);
    });
  }

  return (
    <>
      <Form className="form" onSubmit={(event) => void onSubmit(event)}>
        <FormAlert problem={problem} />
        <Field
          name="email"
          type="email"
          label={t("invitations.email")}
          description={t("invitations.emailHint")}
          maxLength={EMAIL.maxLength}
          validate={(value) => (value.trim() ? validateEmail(t, value) : null)}
        />
        <ExpirySelect value={days} onChange={setDays} />
        <ChoiceGroup
          name="use"
          label={t("invitations.use")}
          value={use}
          onChange={setUse}
          choices={[
            { value: "single", label: t("invitations.single"), description: t("invitations.singleHint") },
            { value: "multi", label: t("invitations.multi"), description: t("invitations.multiHint") },
          ]}
        />
        <Button type="submit" className="button button--primary" isPending={pending}>
          {submitLabel}
        </Button>
      </Form>
      {created && <CreatedLink key={created.id} invitation={created} />}
    </>
  );
}

/** Facilitators make, list and withdraw the group's invitation links. */
export function InvitationsPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const locale = currentLocale();
  const [problem, setProblem] = useState<string | null>(null);
  const list = useQuery({ queryKey: groupKeys.invitations(groupId), queryFn: () => groupsApi.invitations(groupId) });
  const now = Date.now();

  async function revoke(invitation: Invitation) {
    setProblem(null);
    try {
      await groupsApi.revokeInvitation(groupId, invitation.id);
      await queryClient.invalidateQueries({ queryKey: groupKeys.invitations(groupId) });
      announce(t("invitations.revoked"));
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  }

  return (
    <section className="card" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t("invitations.title")}</h2>
      <p className="muted">{t("invitations.lead")}</p>
      <InvitationForm
        create={(input) => groupsApi.createInvitation(groupId, input)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: groupKeys.invitations(groupId) })}
        submitLabel={t("invitations.create")}
      />
      <h3 className="subsection-title">{t("invitations.listTitle")}</h3>
      <FormAlert problem={problem} />
      {list.isPending ? (
        <p className="muted">{t("common.loading")}</p>
      ) : list.isError ? (
        <p className="field-error">{errorMessage(t, list.error)}</p>
      ) : list.data.invitations.length === 0 ? (
        <p className="muted">{t("invitations.none")}</p>
      ) : (
        <ul className="invitation-list">
          {list.data.invitations.map((invitation) => {
            const state = invitationState(invitation, now);
            const who = invitation.email ?? t("invitations.anyone");
            return (
              <li key={invitation.id} className="invitation">
                <div>
                  <p className="invitation__who">{who}</p>
                  <p className="invitation__meta">
                    <span className={`status status--invitation-${state}`}>{t(`invitations.states.${state}`)}</span>{" "}
                    {invitation.singleUse ? t("invitations.single") : t("invitations.multi")} ·{" "}
                    {t("invitations.uses", { count: invitation.uses })} ·{" "}
                    {t("invitations.expires", { time: formatDateTime(invitation.expiresAt, locale) })}
                  </p>
                </div>
                {state === "active" && (
                  <Button
                    className="button button--danger-quiet button--small"
                    aria-label={t("invitations.revokeFor", { who })}
                    onPress={() => void revoke(invitation)}
                  >
                    {t("invitations.revoke")}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
