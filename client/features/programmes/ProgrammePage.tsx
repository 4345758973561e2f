import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EMAIL, GROUP } from "../../../shared/limits";
import type { GroupKind, GroupSummary } from "../../../shared/schemas/groups";
import { ApiError, programmesApi } from "../../lib/api";
import { errorMessage } from "../../lib/i18n";
import { Field, FormDialog, ModalDialog, formText } from "../../lib/ui";
import { validateEmail } from "../auth/validation";
import { ProgrammeAssessments } from "../assessments/ProgrammeAssessments";
import { GatheringsSection } from "../gatherings/GatheringsSection";
import { useAnnounce } from "../groups/announcer";
import { InvitationForm } from "../groups/InvitationsPanel";
import { kindLabel, phaseLabel, templateLabel } from "../groups/labels";
import { groupKeys } from "../groups/live";
import { NewGroupFields } from "../groups/NewGroupFields";
import { Page } from "../layout/Page";
import { ProgrammeOverview } from "./ProgrammeOverview";

function CreateProgrammeGroupDialog({ programmeId, isOpen, onOpenChange }: { programmeId: string; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [kind, setKind] = useState<GroupKind>("peer_mentoring");

  async function create(data: FormData) {
    const capacity = Number(formText(data, "capacity"));
    const { group } = await programmesApi.createGroup(programmeId, {
      name: formText(data, "name"),
      description: formText(data, "description"),
      kind,
      ...(capacity ? { capacity } : {}),
    });
    await queryClient.invalidateQueries({ queryKey: groupKeys.programme(programmeId) });
    announce(t("programmes.groupCreated", { name: group.name }));
  }

  return (
    <FormDialog
      title={t("programmes.createGroupTitle")}
      lead={t("programmes.createGroupLead")}
      submitLabel={t("programmes.createGroup")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={create}
    >
      <NewGroupFields kind={kind} onKindChange={setKind} />
      <Field
        name="capacity"
        type="number"
        inputMode="numeric"
        label={t("groups.fields.capacity")}
        description={t("groups.fields.capacityHint", { default: GROUP.defaultCapacity, max: GROUP.maxCapacity })}
        defaultValue={String(GROUP.defaultCapacity)}
        validate={(value) => {
          const capacity = Number(value);
          return value && (!Number.isInteger(capacity) || capacity < 2 || capacity > GROUP.maxCapacity)
            ? t("groups.fields.capacityInvalid", { max: GROUP.maxCapacity })
            : null;
        }}
      />
    </FormDialog>
  );
}

function AppointDialog({ programmeId, group, isOpen, onOpenChange }: { programmeId: string; group: GroupSummary; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();

  async function appoint(data: FormData) {
    await programmesApi.appointFacilitator(programmeId, group.id, formText(data, "email"));
    await queryClient.invalidateQueries({ queryKey: groupKeys.programme(programmeId) });
    announce(t("programmes.appointed", { group: group.name }));
  }

  // An unknown address is a 404 here: say what to do instead.
  function describeAppointError(error: unknown): string {
    return error instanceof ApiError && error.code === "not_found" ? t("programmes.appointUnknown") : errorMessage(t, error);
  }

  return (
    <FormDialog
      title={t("programmes.appointTitle", { group: group.name })}
      lead={t("programmes.appointLead")}
      submitLabel={t("programmes.appoint")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={appoint}
      describeError={describeAppointError}
    >
      <Field
        name="email"
        type="email"
        label={t("programmes.appointEmail")}
        isRequired
        autoFocus
        maxLength={EMAIL.maxLength}
        validate={(value) => validateEmail(t, value)}
      />
    </FormDialog>
  );
}

function InviteFacilitatorDialog({
  programmeId,
  group,
  isOpen,
  onOpenChange,
}: {
  programmeId: string;
  group: GroupSummary;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t("programmes.inviteTitle", { group: group.name })} isOpen={isOpen} onOpenChange={onOpenChange}>
      <p className="dialog__lead">{t("programmes.inviteLead")}</p>
      <InvitationForm
        create={(input) => programmesApi.inviteFacilitator(programmeId, group.id, { ...input, role: "facilitator" })}
        submitLabel={t("invitations.create")}
      />
      <div className="dialog__actions">
        <Button className="button button--secondary" onPress={() => onOpenChange(false)}>
          {t("common.close")}
        </Button>
      </div>
    </ModalDialog>
  );
}

function ProgrammeGroupRow({ programmeId, group }: { programmeId: string; group: GroupSummary }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<"appoint" | "invite" | null>(null);
  return (
    <tr>
      <th scope="row">{group.name}</th>
      <td>{kindLabel(t, group.kind)}</td>
      <td>
        <span className={`badge badge--phase badge--phase-${group.phase}`}>{phaseLabel(t, group.phase)}</span>
      </td>
      <td>{t("members.count", { count: group.memberCount, capacity: group.capacity })}</td>
      <td>
        <div className="button-row button-row--tight">
          <Button className="button button--secondary button--small" aria-label={t("programmes.appointFor", { group: group.name })} onPress={() => setDialog("appoint")}>
            {t("programmes.appoint")}
          </Button>
          <Button className="button button--secondary button--small" aria-label={t("programmes.inviteFor", { group: group.name })} onPress={() => setDialog("invite")}>
            {t("programmes.invite")}
          </Button>
        </div>
        {dialog === "appoint" && <AppointDialog programmeId={programmeId} group={group} isOpen onOpenChange={(open) => setDialog(open ? "appoint" : null)} />}
        {dialog === "invite" && (
          <InviteFacilitatorDialog programmeId={programmeId} group={group} isOpen onOpenChange={(open) => setDialog(open ? "invite" : null)} />
        )}
      </td>
    </tr>
  );
}

/** A coordinator's view of a programme: its groups' names, sizes and phases — never their content. */
export default function ProgrammePage() {
  const { t } = useTranslation();
  const { programmeId = "" } = useParams();
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: groupKeys.programme(programmeId), queryFn: () => programmesApi.get(programmeId) });

  if (query.isPending) {
    return (
      <Page title={t("programmes.loadingTitle")}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title={t("programmes.notFoundTitle")}>
        <p>{query.error instanceof ApiError && query.error.code === "not_found" ? t("programmes.notFoundText") : errorMessage(t, query.error)}</p>
        <p>
          <Link to="/">{t("groups.backHome")}</Link>
        </p>
      </Page>
    );
  }

  const { programme, groups } = query.data;
  return (
    <Page title={programme.name}>
      <p className="group-page__summary">
        <span className="badge badge--kind">{templateLabel(t, programme.template)}</span>
        <span className="badge badge--plain">{t("programmes.youCoordinate")}</span>
      </p>
      {programme.description && <p className="page__lead">{programme.description}</p>}
      <section className="card" aria-labelledby="programme-groups-heading">
        <div className="section-header">
          <h2 id="programme-groups-heading">{t("programmes.groupsTitle")}</h2>
          <Button className="button button--primary" onPress={() => setCreating(true)}>
            {t("programmes.createGroup")}
          </Button>
        </div>
        <p className="muted">{t("programmes.privacyNote")}</p>
        {groups.length === 0 ? (
          <p>{t("programmes.noGroups")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("programmes.groupsCaption", { programme: programme.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("groups.fields.name")}</th>
                  <th scope="col">{t("groups.fields.kind")}</th>
                  <th scope="col">{t("groups.phaseLabel")}</th>
                  <th scope="col">{t("groups.membersLabel")}</th>
                  <th scope="col">{t("programmes.facilitatorColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <ProgrammeGroupRow key={group.id} programmeId={programme.id} group={group} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <GatheringsSection programmeId={programme.id} groups={groups} />
      {groups.length > 0 && <ProgrammeOverview programmeId={programme.id} programmeName={programme.name} />}
      <ProgrammeAssessments programmeId={programme.id} programmeName={programme.name} />
      {creating && <CreateProgrammeGroupDialog programmeId={programme.id} isOpen={creating} onOpenChange={setCreating} />}
    </Page>
  );
}
