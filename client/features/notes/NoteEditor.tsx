import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { Placeholder } from "@tiptap/extensions";
import { Plugin, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button, FieldError, Form, Input, Label, TextField, ToggleButton, Toolbar } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { NOTE_FRAGMENT, type NoteCursorUser } from "../../../shared/notes";
import { ModalDialog } from "../../lib/ui";
import { normaliseLinkHref } from "./links";

const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-8" as the person's keyboard says it: "Ctrl+Shift+8" or "⌘⇧8". */
function shortcutText(shortcut: string): string {
  const parts = shortcut.split("-");
  if (IS_MAC) return parts.map((part) => ({ Mod: "⌘", Shift: "⇧", Alt: "⌥" })[part] ?? part.toUpperCase()).join("");
  return parts.map((part) => ({ Mod: "Ctrl", Alt: "Alt", Shift: "Shift" })[part] ?? part.toUpperCase()).join("+");
}

/** The same shortcut for `aria-keyshortcuts`, which wants key names. */
function ariaShortcut(shortcut: string): string {
  return shortcut
    .split("-")
    .map((part) => ({ Mod: IS_MAC ? "Meta" : "Control", Shift: "Shift", Alt: "Alt" })[part] ?? part.toUpperCase())
    .join("+");
}

/**
 * A remote person's caret: a coloured bar with their name. Colours go through the CSSOM (allowed by
 * the content security policy, unlike a `style` attribute). Hidden from assistive technology, which
 * learns who is editing from the list above the editor instead of from names inside the text.
 */
function renderCaret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "notes-caret";
  caret.setAttribute("aria-hidden", "true");
  const color = typeof user.color === "string" ? user.color : "#4a5563";
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "notes-caret__label";
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name : "";
  caret.append(label);
  return caret;
}

/** A light tint, so text someone else has selected stays readable (AA contrast) under it. */
function renderSelection(user: { color?: unknown }): { class: string; style?: string } {
  const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : null;
  return color ? { class: "notes-selection", style: `background-color: ${color}33` } : { class: "notes-selection" };
}

/**
 * Takes the page's selection into the editor as the text loses focus. Chromium reports a keyboard
 * selection (Shift+Home) in a `selectionchange` event that can arrive after the next key has been
 * handled; when that key leaves the text (Alt+F10 to the toolbar, Tab), ProseMirror, no longer
 * focused, ignores the late event and the toolbar would act on the caret from before the selection.
 */
function takeSelectionFromPage(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection();
  if (!view.editable || view.composing || !(view.state.selection instanceof TextSelection)) return;
  if (!selection?.anchorNode || !selection.focusNode) return;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return;
  const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
  const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
  if (anchor === view.state.selection.anchor && head === view.state.selection.head) return;
  const { doc, tr } = view.state;
  view.dispatch(tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))));
}

/** The text area's name and state for assistive technology. */
function editorAttributes(label: string, readOnly: boolean): Record<string, string> {
  return {
    class: "notes-editor__content",
    role: "textbox",
    "aria-multiline": "true",
    "aria-label": label,
    "aria-readonly": readOnly ? "true" : "false",
    "aria-describedby": readOnly ? "notes-readonly-notice" : "notes-editor-help",
  };
}

interface ToolbarAction {
  id: string;
  label: string;
  glyph: ReactNode;
  shortcut?: string;
  isActive: boolean;
  run(): void;
}

function EditorToolbar({ editor, label, onLink }: { editor: Editor; label: string; onLink(): void }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      underline: current.isActive("underline"),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      taskList: current.isActive("taskList"),
      link: current.isActive("link"),
    }),
  });
  const chain = () => editor.chain().focus();
  const groups: ToolbarAction[][] = [
    [
      { id: "h2", label: t("notes.toolbar.heading"), glyph: "H2", shortcut: "Mod-Alt-2", isActive: active.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
      { id: "h3", label: t("notes.toolbar.subheading"), glyph: "H3", shortcut: "Mod-Alt-3", isActive: active.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    ],
    [
      { id: "bold", label: t("notes.toolbar.bold"), glyph: <b>B</b>, shortcut: "Mod-b", isActive: active.bold, run: () => chain().toggleBold().run() },
      { id: "italic", label: t("notes.toolbar.italic"), glyph: <i>I</i>, shortcut: "Mod-i", isActive: active.italic, run: () => chain().toggleItalic().run() },
      { id: "underline", label: t("notes.toolbar.underline"), glyph: <u>U</u>, shortcut: "Mod-u", isActive: active.underline, run: () => chain().toggleUnderline().run() },
    ],
    [
      { id: "bulletList", label: t("notes.toolbar.bulletList"), glyph: "•", shortcut: "Mod-Shift-8", isActive: active.bulletList, run: () => chain().toggleBulletList().run() },
      { id: "orderedList", label: t("notes.toolbar.orderedList"), glyph: "1.", shortcut: "Mod-Shift-7", isActive: active.orderedList, run: () => chain().toggleOrderedList().run() },
      { id: "taskList", label: t("notes.toolbar.taskList"), glyph: "☑", shortcut: "Mod-Shift-9", isActive: active.taskList, run: () => chain().toggleTaskList().run() },
    ],
  ];

  return (
    <Toolbar aria-label={label} className="notes-toolbar">
      {groups.map((group, index) => (
        <div key={index} className="notes-toolbar__group">
          {group.map((action) => (
            <ToggleButton
              key={action.id}
              className="notes-toolbar__button"
              isSelected={action.isActive}
              onChange={action.run}
              aria-keyshortcuts={action.shortcut ? ariaShortcut(action.shortcut) : undefined}
              data-action={action.id}
            >
              <span className="notes-toolbar__glyph" aria-hidden="true">
                {action.glyph}
              </span>
              <span className="visually-hidden">{action.label}</span>
              {action.shortcut && (
                <span className="notes-toolbar__tip" aria-hidden="true">
                  {action.label} ({shortcutText(action.shortcut)})
                </span>
              )}
            </ToggleButton>
          ))}
        </div>
      ))}
      <div className="notes-toolbar__group">
        <Button
          className={active.link ? "notes-toolbar__button notes-toolbar__button--active" : "notes-toolbar__button"}
          onPress={onLink}
          aria-keyshortcuts={ariaShortcut("Mod-k")}
          aria-haspopup="dialog"
          data-action="link"
        >
          <span className="notes-toolbar__glyph" aria-hidden="true">
            🔗
          </span>
          <span className="visually-hidden">{active.link ? t("notes.toolbar.editLink") : t("notes.toolbar.link")}</span>
          <span className="notes-toolbar__tip" aria-hidden="true">
            {t("notes.toolbar.link")} ({shortcutText("Mod-k")})
          </span>
        </Button>
      </div>
    </Toolbar>
  );
}

function LinkDialog({ editor, isOpen, onOpenChange }: { editor: Editor; isOpen: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const existing = isOpen ? ((editor.getAttributes("link")["href"] as string | undefined) ?? "") : "";
  const [problem, setProblem] = useState<string | null>(null);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const href = normaliseLinkHref(String(new FormData(event.currentTarget).get("href") ?? ""));
    if (!href) {
      setProblem(t("notes.link.invalid"));
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive("link")) {
      editor.chain().focus().insertContent({ type: "text", text: href.replace(/^mailto:/, ""), marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
    onOpenChange(false);
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onOpenChange(false);
  }

  return (
    <ModalDialog
      title={existing ? t("notes.link.editTitle") : t("notes.link.addTitle")}
      isOpen={isOpen}
      onOpenChange={(open) => {
        setProblem(null);
        onOpenChange(open);
        if (!open) editor.commands.focus();
      }}
    >
      <Form className="form" onSubmit={save} validationErrors={problem ? { href: problem } : undefined}>
        <TextField name="href" defaultValue={existing} className="field" autoFocus isRequired>
          <Label className="field__label">{t("notes.link.address")}</Label>
          <Input className="field__input" type="text" inputMode="url" autoComplete="url" />
          <FieldError className="field-error">{problem ?? t("notes.link.invalid")}</FieldError>
        </TextField>
        <div className="dialog__actions">
          {existing && (
            <Button className="button button--secondary" onPress={remove}>
              {t("notes.link.remove")}
            </Button>
          )}
          <Button className="button button--secondary" onPress={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" className="button button--primary">
            {t("notes.link.save")}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}

/**
 * The collaborative editor of one page: TipTap bound to the page's Y.Doc, carets of the others
 * from the provider's awareness, and a toolbar that mirrors the keyboard shortcuts.
 */
export function NoteEditor({
  doc,
  provider,
  user,
  readOnly,
  label,
}: {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: NoteCursorUser;
  readOnly: boolean;
  /** The accessible name of the text area, e.g. "Text of the page Meeting 3". */
  label: string;
}) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const toolbarRef = useRef<HTMLDivElement>(null);
  // Texts change with the language; the editor itself must not be rebuilt for that.
  const texts = useRef<{ placeholder: string; checkbox: (text: string, checked: boolean) => string }>({ placeholder: "", checkbox: () => "" });
  texts.current = {
    placeholder: t("notes.editor.placeholder"),
    checkbox: (text, checked) =>
      checked ? t("notes.editor.taskDone", { text: text || t("notes.editor.emptyTask") }) : t("notes.editor.taskOpen", { text: text || t("notes.editor.emptyTask") }),
  };

  const editor = useEditor(
    {
      // The content security policy forbids the <style> element TipTap would add; notes.css has its rules.
      injectCSS: false,
      editable: !readOnly,
      editorProps: { attributes: editorAttributes(label, readOnly) },
      extensions: [
        // Collaboration brings its own undo history, which only undoes this person's changes.
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] }, link: { openOnClick: false, autolink: true, defaultProtocol: "https" } }),
        TaskList,
        TaskItem.configure({ nested: true, a11y: { checkboxLabel: (node, checked) => texts.current.checkbox(node.textContent, checked) } }),
        Placeholder.configure({ placeholder: () => texts.current.placeholder }),
        Collaboration.configure({ document: doc, field: NOTE_FRAGMENT }),
        CollaborationCaret.configure({ provider, user, render: renderCaret, selectionRender: renderSelection }),
        Extension.create({
          name: "notesSelectionOnBlur",
          addProseMirrorPlugins() {
            const blur = (view: EditorView) => {
              takeSelectionFromPage(view);
              return false;
            };
            return [new Plugin({ props: { handleDOMEvents: { blur } } })];
          },
        }),
        Extension.create({
          name: "notesShortcuts",
          addKeyboardShortcuts() {
            return {
              "Mod-k": () => {
                if (!this.editor.isEditable) return false;
                setLinkOpen(true);
                return true;
              },
              // The usual "go to the toolbar" key of rich text editors.
              "Alt-F10": () => {
                toolbarRef.current?.querySelector<HTMLElement>("button:not([disabled])")?.focus();
                return true;
              },
            };
          },
        }),
      ],
    },
    [doc, provider],
  );

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: editorAttributes(label, readOnly) } });
  }, [editor, label, readOnly]);

  if (!editor) return null;

  return (
    <div className="notes-editor">
      {!readOnly && (
        <div ref={toolbarRef}>
          <EditorToolbar editor={editor} label={t("notes.toolbar.label")} onLink={() => setLinkOpen(true)} />
        </div>
      )}
      <EditorContent editor={editor} className="notes-editor__frame" />
      {!readOnly && (
        <p id="notes-editor-help" className="notes-editor__help">
          {t("notes.editor.help", { shortcut: shortcutText("Alt-F10") })}
        </p>
      )}
      {!readOnly && <LinkDialog editor={editor} isOpen={linkOpen} onOpenChange={setLinkOpen} />}
    </div>
  );
}
