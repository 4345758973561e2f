import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ASSESSMENT } from "../../../shared/limits";
import { LOCALES, type Locale } from "../../../shared/locales";
import type { AssessmentTemplate, LocalizedText, TemplateContent } from "../../../shared/schemas/assessments";
import { groupsApi, programmesApi } from "../../lib/api";
import { currentLocale, errorMessage } from "../../lib/i18n";
import { Field, FormAlert, FormDialog, formText, useSubmission } from "../../lib/ui";
import { validateRequired } from "../auth/validation";
import { useAnnounce } from "../groups/announcer";
import { groupKeys } from "../groups/live";
import { Page } from "../layout/Page";
import { assessmentsApi } from "./assessmentsApi";
import { assessmentKeys } from "./live";
import { localized, newStatementId } from "./model";
import "./assessments.css";

type Owner = { groupId: string } | { programmeId: string };

function ownsTemplate(template: AssessmentTemplate, owner: Owner): boolean {
  return "groupId" in owner ? template.groupId === owner.groupId : template.programmeId === owner.programmeId;
}

/** One text in the three languages, as three labelled fields under a common legend. */
function LocalizedFields({ name, legend, value, maxLength = ASSESSMENT.statementMax }: { name: string; legend: string; value: LocalizedText; maxLength?: number }) {
  const { t } = useTranslation();
  return (
    <fieldset className="localized-fields">
      <legend className="localized-fields__legend">{legend}</legend>
      {LOCALES.map((locale) => (
        <Field
          key={locale}
          name={`${name}.${locale}`}
          label={t(`assessments.templates.inLanguage.${locale}`)}
          defaultValue={value[locale]}
          isRequired
          maxLength={maxLength}
          validate={(text) => validateRequired(t, text)}
        />
      ))}
    </fieldset>
  );
}

function readLocalized(data: FormData, name: string): LocalizedText {
  const text = (locale: Locale) => formText(data, `${name}.${locale}`);
  return { fi: text("fi"), sv: text("sv"), en: text("en") };
}

interface EditedArea {
  id: string;
  title: LocalizedText;
  statements: { id: string; text: LocalizedText }[];
}

const EMPTY_TEXT: LocalizedText = { fi: "", sv: "", en: "" };

/**
 * Edits a copied template: its wording, and which statements each area asks. A statement keeps its id
 * while it stays, and an added one gets a new id, so answers are matched across versions by what was
 * asked. Saving makes a new version; rounds already opened keep theirs.
 */
function TemplateEditor({ template, onDone }: { template: AssessmentTemplate; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const { pending, problem, submit } = useSubmission();
  const { content } = template;
  const [areas, setAreas] = useState<EditedArea[]>(() =>
    content.areas.map((area) => ({ id: area.id, title: area.title, statements: area.statements.map(({ id, text }) => ({ id, text })) })),
  );
  /** Where focus goes once the list has re-rendered: a new statement's first field, or an area's add button. */
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (focusTarget === null) return;
    form.current?.querySelector<HTMLElement>(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function addStatement(areaIndex: number) {
    const taken = new Set([...content.areas, ...areas].flatMap((area) => area.statements.map((statement) => statement.id)));
    const id = newStatementId(taken);
    setAreas((old) => old.map((area, index) => (index === areaIndex ? { ...area, statements: [...area.statements, { id, text: EMPTY_TEXT }] } : area)));
    setFocusTarget(`[name="${CSS.escape(`statements.${id}.${LOCALES[0]}`)}"]`);
    announce(t("assessments.templates.statementAdded", { number: areas[areaIndex]!.statements.length + 1 }));
  }

  function removeStatement(areaIndex: number, statementId: string) {
    setAreas((old) =>
      old.map((area, index) => (index === areaIndex ? { ...area, statements: area.statements.filter((statement) => statement.id !== statementId) } : area)),
    );
    setFocusTarget(`[data-add-statement="${areaIndex}"]`);
    announce(t("assessments.templates.statementRemoved"));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: TemplateContent = {
      areas: areas.map((area, areaIndex) => ({
        id: area.id,
        title: readLocalized(data, `areas.${areaIndex}.title`),
        statements: area.statements.map((statement) => ({ id: statement.id, text: readLocalized(data, `statements.${statement.id}`) })),
      })),
      scaleLabels: content.scaleLabels.map((_, index) => readLocalized(data, `scale.${index}`)),
      reflections: content.reflections.map((question, index) => ({ id: question.id, text: readLocalized(data, `reflections.${index}`) })),
    };
    const ok = await submit(async () => {
      const { template: saved } = await assessmentsApi.updateTemplate(template.id, { name: readLocalized(data, "name"), content: next });
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.templates });
      announce(t("assessments.templates.saved", { version: saved.version }));
    });
    if (ok) onDone();
  }

  return (
    <section className="card card--accent template-editor" aria-labelledby="template-editor-heading">
      <h2 id="template-editor-heading" ref={heading} tabIndex={-1}>
        {t("assessments.templates.editTitle", { name: localized(template.name, locale) })}
      </h2>
      <p className="muted">{t("assessments.templates.editLead", { version: template.version })}</p>
      <p className="muted">{t("assessments.templates.structureNote")}</p>
      <Form ref={form} className="form" onSubmit={(event) => void save(event)}>
        <FormAlert problem={problem} />
        <LocalizedFields name="name" legend={t("assessments.templates.name")} value={template.name} maxLength={ASSESSMENT.templateNameMax} />
        {areas.map((area, areaIndex) => {
          const areaTitle = localized(area.title, locale);
          return (
            <fieldset key={area.id} className="template-editor__area">
              <legend className="template-editor__area-legend">{t("assessments.templates.area", { number: areaIndex + 1, title: areaTitle })}</legend>
              <LocalizedFields name={`areas.${areaIndex}.title`} legend={t("assessments.templates.areaTitle")} value={area.title} />
              {area.statements.map((statement, statementIndex) => (
                <div key={statement.id} className="template-editor__statement">
                  <LocalizedFields
                    name={`statements.${statement.id}`}
                    legend={t("assessments.templates.statement", { number: statementIndex + 1 })}
                    value={statement.text}
                  />
                  {/* An area asks at least one statement. */}
                  {area.statements.length > 1 && (
                    <Button className="button button--secondary button--small" onPress={() => removeStatement(areaIndex, statement.id)}>
                      {t("assessments.templates.removeStatement")}
                      <span className="visually-hidden">
                        : {t("assessments.templates.statement", { number: statementIndex + 1 })}, {areaTitle}
                      </span>
                    </Button>
                  )}
                </div>
              ))}
              {area.statements.length < ASSESSMENT.statementsPerAreaMax ? (
                <Button className="button button--secondary button--small" data-add-statement={areaIndex} onPress={() => addStatement(areaIndex)}>
                  {t("assessments.templates.addStatement")}
                  <span className="visually-hidden">: {areaTitle}</span>
                </Button>
              ) : (
                <p className="muted" data-add-statement={areaIndex} tabIndex={-1}>
                  {t("assessments.templates.statementLimit", { max: ASSESSMENT.statementsPerAreaMax })}
                </p>
              )}
            </fieldset>
          );
        })}
        <fieldset className="template-editor__area">
          <legend className="template-editor__area-legend">{t("assessments.templates.scale")}</legend>
          {content.scaleLabels.map((label, index) => (
            <LocalizedFields key={index} name={`scale.${index}`} legend={t("assessments.templates.scalePoint", { point: index + ASSESSMENT.scaleMin })} value={label} />
          ))}
        </fieldset>
        {content.reflections.length > 0 && (
          <fieldset className="template-editor__area">
            <legend className="template-editor__area-legend">{t("assessments.templates.reflections")}</legend>
            {content.reflections.map((question, index) => (
              <LocalizedFields key={question.id} name={`reflections.${index}`} legend={t("assessments.templates.reflection", { number: index + 1 })} value={question.text} />
            ))}
          </fieldset>
        )}
        <div className="form__actions">
          <Button className="button button--secondary" onPress={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" className="button button--primary" isPending={pending}>
            {t("assessments.templates.saveVersion")}
          </Button>
        </div>
      </Form>
    </section>
  );
}

function CopyDialog({ template, owner, isOpen, onOpenChange, onCopied }: { template: AssessmentTemplate; owner: Owner; isOpen: boolean; onOpenChange: (open: boolean) => void; onCopied: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const suggested: LocalizedText = {
    fi: `${template.name.fi} (${t("assessments.templates.copySuffix", { lng: "fi" })})`,
    sv: `${template.name.sv} (${t("assessments.templates.copySuffix", { lng: "sv" })})`,
    en: `${template.name.en} (${t("assessments.templates.copySuffix", { lng: "en" })})`,
  };

  async function copy(data: FormData) {
    const { template: copied } = await assessmentsApi.copyTemplate({ fromTemplateId: template.id, name: readLocalized(data, "name"), ...owner });
    await queryClient.invalidateQueries({ queryKey: assessmentKeys.templates });
    announce(t("assessments.templates.copied"));
    onCopied(copied.id);
  }

  return (
    <FormDialog
      title={t("assessments.templates.copyTitle")}
      lead={t("assessments.templates.copyLead")}
      submitLabel={t("assessments.templates.copy")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={copy}
    >
      <LocalizedFields name="name" legend={t("assessments.templates.name")} value={suggested} maxLength={ASSESSMENT.templateNameMax} />
    </FormDialog>
  );
}

function TemplateItem({ template, owner, onEdit }: { template: AssessmentTemplate; owner: Owner; onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [copying, setCopying] = useState(false);
  const name = localized(template.name, locale);
  const statements = template.content.areas.reduce((sum, area) => sum + area.statements.length, 0);
  return (
    <li className="template-item">
      <div>
        <h3 className="template-item__name">{name}</h3>
        <p className="muted template-item__facts">
          {template.builtIn ? t("assessments.templates.builtIn") : t("assessments.templates.version", { version: template.version })}
          {" · "}
          {t("assessments.templates.size", { areas: template.content.areas.length, statements })}
        </p>
        <p className="template-item__areas">{template.content.areas.map((area) => localized(area.title, locale)).join(" · ")}</p>
      </div>
      <div className="button-row button-row--tight">
        {ownsTemplate(template, owner) && (
          <Button className="button button--primary button--small" onPress={() => onEdit(template.id)}>
            {t("assessments.templates.edit")}
            <span className="visually-hidden">: {name}</span>
          </Button>
        )}
        <Button className="button button--secondary button--small" onPress={() => setCopying(true)}>
          {t("assessments.templates.copy")}
          <span className="visually-hidden">: {name}</span>
        </Button>
      </div>
      {copying && <CopyDialog template={template} owner={owner} isOpen={copying} onOpenChange={setCopying} onCopied={onEdit} />}
    </li>
  );
}

/** Templates for a standalone group's facilitators or a programme's coordinators: copy a template, then adapt its words. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const { groupId, programmeId } = useParams();
  const owner: Owner = groupId ? { groupId } : { programmeId: programmeId ?? "" };
  // The same queries (and cache entries) as the group and programme pages.
  const group = useQuery({ queryKey: groupKeys.detail(groupId ?? ""), queryFn: () => groupsApi.get(groupId ?? ""), enabled: Boolean(groupId) });
  const programme = useQuery({
    queryKey: groupKeys.programme(programmeId ?? ""),
    queryFn: () => programmesApi.get(programmeId ?? ""),
    enabled: Boolean(programmeId),
  });
  const ownerName = groupId ? group.data?.group.name : programme.data?.programme.name;
  const templates = useQuery({ queryKey: assessmentKeys.templates, queryFn: assessmentsApi.templates });
  const [editing, setEditing] = useState<string | null>(null);
  const title = t("assessments.templates.title");
  const backTo = groupId ? `/groups/${groupId}` : `/programmes/${programmeId ?? ""}`;
  const list = (templates.data?.templates ?? []).filter((template) => template.builtIn !== null || ownsTemplate(template, owner));
  const edited = list.find((template) => template.id === editing);

  return (
    <Page title={title} className="page--medium templates-page">
      <p className="answer-page__meta">{ownerName && <Link to={backTo}>{ownerName}</Link>}</p>
      <p className="page__lead">{t("assessments.templates.lead")}</p>
      {edited && <TemplateEditor key={edited.id + edited.version} template={edited} onDone={() => setEditing(null)} />}
      <section className="card" aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t("assessments.templates.listTitle")}</h2>
        {templates.isPending ? (
          <p role="status">{t("common.loading")}</p>
        ) : templates.isError ? (
          <p className="field-error">{errorMessage(t, templates.error)}</p>
        ) : (
          <ul className="template-list">
            {list.map((template) => (
              <TemplateItem key={template.id} template={template} owner={owner} onEdit={setEditing} />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
