import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { PROGRAMME } from "../../../shared/limits";
import { PROCESS_TEMPLATES, type GroupKind, type MyGroup, type ProcessTemplate } from "../../../shared/schemas/groups";
import { groupsApi, programmesApi } from "../../lib/api";
import { useUser } from "../../lib/auth";
import { errorMessage } from "../../lib/i18n";
import { ChoiceGroup, Field, FormDialog, TextAreaField, formText } from "../../lib/ui";
import { validateRequired } from "../auth/validation";
import { DueAssessments } from "../assessments/DueAssessments";
import { UnreadBadge } from "../chat/UnreadBadge";
import { takePendingJoin } from "../join/pendingJoin";
import { UpcomingMeetings } from "../scheduling/UpcomingMeetings";
import { ComingGatherings, PastGatherings } from "../gatherings/ComingGatherings";
import { kindLabel, phaseLabel, roleLabel, templateDescription, templateLabel } from "../groups/labels";
import { groupKeys } from "../groups/live";
import { NewGroupFields } from "../groups/NewGroupFields";
import { Page } from "../layout/Page";

function CreateGroupDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<GroupKind>("peer_mentoring");

  async function create(data: FormData) {
    const { group } = await groupsApi.create({ name: formText(data, "name"), description: formText(data, "description"), kind });
    queryClient.setQueryData(groupKeys.detail(group.id), { group });
    await queryClient.invalidateQueries({ queryKey: groupKeys.mine });
    await navigate(`/groups/${group.id}`);
  }

  return (
    <FormDialog
      title={t("home.createGroupTitle")}
      lead={t("home.createGroupLead")}
      submitLabel={t("home.createGroup")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={create}
    >
      <NewGroupFields kind={kind} onKindChange={setKind} />
    </FormDialog>
  );
}

function CreateProgrammeDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [template, setTemplate] = useState<ProcessTemplate>("verme_year");

  async function create(data: FormData) {
    const { programme } = await programmesApi.create({ name: formText(data, "name"), description: formText(data, "description"), template });
    await queryClient.invalidateQueries({ queryKey: groupKeys.programmes });
    await navigate(`/programmes/${programme.id}`);
  }

  return (
    <FormDialog
      title={t("programmes.createTitle")}
      lead={t("programmes.createLead")}
      submitLabel={t("programmes.create")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={create}
    >
      <Field name="name" label={t("programmes.fields.name")} isRequired autoFocus maxLength={PROGRAMME.nameMax} validate={(value) => validateRequired(t, value)} />
      <TextAreaField name="description" label={t("programmes.fields.description")} description={t("groups.fields.optional")} maxLength={PROGRAMME.descriptionMax} />
      <ChoiceGroup
        name="template"
        label={t("programmes.fields.template")}
        value={template}
        onChange={setTemplate}
        choices={PROCESS_TEMPLATES.map((value) => ({ value, label: templateLabel(t, value), description: templateDescription(t, value) }))}
      />
    </FormDialog>
  );
}

function GroupCard({ group }: { group: MyGroup }) {
  const { t } = useTranslation();
  return (
    <li className="group-card">
      <h3 className="group-card__name">
        <Link to={`/groups/${group.id}`}>
          {group.name}
          <UnreadBadge groupId={group.id} />
        </Link>
      </h3>
      <p className="group-card__kind">{kindLabel(t, group.kind)}</p>
      <dl className="group-card__facts">
        <div>
          <dt>{t("groups.phaseLabel")}</dt>
          <dd>
            <span className={`badge badge--phase badge--phase-${group.phase}`}>{phaseLabel(t, group.phase)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("groups.roleLabel")}</dt>
          <dd>{roleLabel(t, group.myRole)}</dd>
        </div>
        <div>
          <dt>{t("groups.membersLabel")}</dt>
          <dd>{t("members.count", { count: group.memberCount, capacity: group.capacity })}</dd>
        </div>
        <div>
          <dt>{t("groups.programmeLabel")}</dt>
          <dd>{group.programmeName ?? t("groups.standalone")}</dd>
        </div>
      </dl>
    </li>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [creatingGroup, setCreatingGroup] = useState(false);
  const [creatingProgramme, setCreatingProgramme] = useState(false);
  const groups = useQuery({ queryKey: groupKeys.mine, queryFn: groupsApi.list });
  const programmes = useQuery({ queryKey: groupKeys.programmes, queryFn: programmesApi.list });
  const leftGroup = (location.state as { left?: unknown } | null)?.left;

  // Someone who opened an invitation link and then signed in or registered goes back to it.
  useEffect(() => {
    const token = takePendingJoin();
    if (token) void navigate(`/join/${encodeURIComponent(token)}`, { replace: true });
  }, [navigate]);

  return (
    <Page title={t("home.greeting", { name: user.displayName })} documentTitle={t("home.title")}>
      <p className="page__lead">{t("home.lead")}</p>
      {typeof leftGroup === "string" && (
        <p className="banner banner--info" role="status">
          {t("home.leftGroup", { group: leftGroup })}
        </p>
      )}
      <UpcomingMeetings />
      <ComingGatherings />
      <PastGatherings />
      <DueAssessments />
      <section className="card" aria-labelledby="groups-heading">
        <div className="section-header">
          <h2 id="groups-heading">{t("home.groupsTitle")}</h2>
          <Button className="button button--primary" onPress={() => setCreatingGroup(true)}>
            {t("home.createGroup")}
          </Button>
        </div>
        {groups.isPending ? (
          <p role="status">{t("common.loading")}</p>
        ) : groups.isError ? (
          <p className="field-error">{errorMessage(t, groups.error)}</p>
        ) : groups.data.groups.length === 0 ? (
          <div className="empty-state">
            <svg className="empty-state__art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <circle cx="32" cy="32" r="26" fill="none" stroke="currentColor" strokeWidth="3" />
              <circle cx="32" cy="12" r="5" />
              <circle cx="51" cy="40" r="5" />
              <circle cx="13" cy="40" r="5" />
            </svg>
            <p className="empty-state__title">{t("home.groupsEmptyTitle")}</p>
            <p>{t("home.groupsEmptyText")}</p>
          </div>
        ) : (
          <ul className="group-cards">
            {groups.data.groups.map((group) => (
              <GroupCard key={group.id} group={group} />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="programmes-heading">
        <div className="section-header">
          <h2 id="programmes-heading">{t("home.programmesTitle")}</h2>
          <Button className="button button--secondary" onPress={() => setCreatingProgramme(true)}>
            {t("programmes.create")}
          </Button>
        </div>
        <p className="muted">{t("home.programmesLead")}</p>
        {programmes.isPending ? (
          <p role="status">{t("common.loading")}</p>
        ) : programmes.isError ? (
          <p className="field-error">{errorMessage(t, programmes.error)}</p>
        ) : programmes.data.programmes.length === 0 ? (
          <p>{t("home.programmesEmpty")}</p>
        ) : (
          <ul className="link-list">
            {programmes.data.programmes.map((programme) => (
              <li key={programme.id}>
                <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
                <span className="muted"> · {templateLabel(t, programme.template)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {creatingGroup && <CreateGroupDialog isOpen={creatingGroup} onOpenChange={setCreatingGroup} />}
      {creatingProgramme && <CreateProgrammeDialog isOpen={creatingProgramme} onOpenChange={setCreatingProgramme} />}
    </Page>
  );
}
