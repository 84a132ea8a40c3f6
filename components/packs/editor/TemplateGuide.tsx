import { useContext, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { newField } from '@/lib/packs/editor/build';
import type { DraftField, DraftTemplate } from '@/lib/packs/editor/draft';
import { newKey, slugFrom } from '@/lib/packs/editor/ids';
import { useT } from '@/components/ui/i18n';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { BodyEditor } from './BodyEditor';
import {
  CheckboxField,
  EditorErrorsContext,
  ErrorVisibilityContext,
  focusFirstError,
  PathErrors,
  TextField,
} from './EditorInputs';
import { TemplateBasics, type SetTemplate } from './TemplateEditor';
import { FieldNameAndKind } from './FieldEditor';
import { TemplatePreview } from './TemplatePreview';

const STEPS: MessageKey[] = ['guide.step1', 'guide.step2', 'guide.step3'];
const HELP: MessageKey[] = ['guide.step1.help', 'guide.step2.help', 'guide.step3.help'];

/** The template's inputs each step asks for, so "Næste" checks (and shows the errors of) that step only. */
function belongsTo(step: number, path: string, at: string): boolean {
  const own = path.slice(at.length + 1);
  if (!path.startsWith(`${at}.`)) return false;
  if (step === 0) return /^(title|meetingType|legalBasis|sourceUrl|description)$/.test(own);
  if (step === 1) return own === 'fields' || own.startsWith('fields.');
  return own === 'body';
}

/**
 * "Ny skabelon trin for trin": the meeting and the name, the fields the
 * caseworker fills in, then the note text with placeholders inserted by a
 * click and the live preview. It edits the same draft template as the full
 * editor, which it ends in.
 */
export function TemplateGuide({
  template,
  path,
  onChange,
  onDone,
}: {
  template: DraftTemplate;
  path: string;
  onChange(template: DraftTemplate): void;
  onDone(): void;
}) {
  const t = useT();
  const [step, setStep] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const errors = useContext(EditorErrorsContext);
  const { touchAll } = useContext(ErrorVisibilityContext);
  const set = (patch: Partial<DraftTemplate>) => onChange({ ...template, ...patch });
  useEffect(() => heading.current?.focus(), [step]);

  const next = () => {
    const own = [...errors.keys()].filter((p) => belongsTo(step, p, path));
    if (own.length) {
      touchAll(own);
      focusFirstError(root.current);
    } else if (step < STEPS.length - 1) setStep(step + 1);
    else onDone();
  };

  return (
    <div ref={root} className="mt-3 space-y-3" data-testid="template-guide">
      <ol aria-label={t('guide.steps')} className="flex flex-wrap gap-2 text-sm">
        {STEPS.map((key, i) => (
          <li
            key={key}
            aria-current={i === step ? 'step' : undefined}
            className={`rounded px-2 py-0.5 ${i === step ? 'bg-sky-800 text-white' : 'bg-slate-100 text-slate-800'}`}
          >
            {i + 1}. {t(key)}
          </li>
        ))}
      </ol>
      <h4 ref={heading} tabIndex={-1} className="text-base font-semibold focus:outline-2 focus:outline-sky-700">
        {t('guide.step', { n: step + 1, of: STEPS.length, name: t(STEPS[step]!) })}
      </h4>
      <p className="text-sm text-slate-700">{t(HELP[step]!)}</p>
      {step === 0 && (
        <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
          <TemplateBasics template={template} path={path} set={set} titleLabel={t('guide.title')} />
        </div>
      )}
      {step === 1 && <FieldsStep template={template} path={path} set={set} />}
      {step === 2 && (
        <>
          <BodyEditor template={template} path={path} onChange={(body) => set({ body })} />
          <TemplatePreview draft={template} />
        </>
      )}
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
        {step > 0 && (
          <button type="button" className={secondaryButtonClass} onClick={() => setStep(step - 1)}>
            {t('guide.back')}
          </button>
        )}
        <button type="button" className={primaryButtonClass} onClick={next}>
          {step < STEPS.length - 1 ? t('guide.next') : t('guide.done')}
        </button>
        <button type="button" className="ml-auto text-sm text-sky-800 underline" onClick={onDone}>
          {t('guide.skip')}
        </button>
      </div>
    </div>
  );
}

function FieldsStep({ template, path, set }: { template: DraftTemplate; path: string; set: SetTemplate }) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const added = useRef(false);
  const count = template.fields.length;
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    list.current?.querySelector<HTMLElement>('li:last-child input')?.focus();
  }, [count]);
  const setField = (i: number, patch: Partial<DraftField>) =>
    set({ fields: template.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });

  return (
    <div>
      <PathErrors path={`${path}.fields`} />
      {count === 0 && <p className="text-sm text-slate-700">{t('guide.noFields')}</p>}
      <ol ref={list} className="space-y-2">
        {template.fields.map((f, i) => (
          <li key={f.key}>
            <GuideField
              field={f}
              index={i}
              path={`${path}.fields.${i}`}
              onChange={(patch) => setField(i, patch)}
              onRemove={() => set({ fields: template.fields.filter((_, j) => j !== i) })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={`${secondaryButtonClass} mt-2`}
        onClick={() => {
          added.current = true;
          set({ fields: [...template.fields, newField('text')] });
        }}
      >
        {t('editor.field.add')}
      </button>
    </div>
  );
}

/** One field, the few things a team lead must decide: its name, kind, whether required, and its options. */
function GuideField({
  field,
  index,
  path,
  onChange,
  onRemove,
}: {
  field: DraftField;
  index: number;
  path: string;
  onChange(patch: Partial<DraftField>): void;
  onRemove(): void;
}) {
  const t = useT();
  const name = field.label || t('editor.field.untitled', { n: index + 1 });
  return (
    <fieldset className="rounded border border-slate-300 bg-slate-50 p-3" data-testid="guide-field">
      <legend className="px-1 text-sm font-semibold">
        {t('editor.field.legend', { n: index + 1 })}: {name}
      </legend>
      <PathErrors path={path} />
      <div className="grid grid-cols-1 items-end gap-x-3 gap-y-2 sm:grid-cols-3">
        <FieldNameAndKind field={field} path={path} set={onChange} />
        <CheckboxField
          className="pb-1"
          label={t('editor.field.required')}
          checked={field.required}
          onChange={(required) => onChange({ required })}
        />
      </div>
      {(field.kind === 'choice' || field.kind === 'choices') && (
        <OptionLines field={field} path={path} onChange={onChange} />
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-700">{t('guide.placeholder')}</span>
        <code className="rounded bg-white px-1 font-mono text-sky-900">{`{{${field.id || '…'}}}`}</code>
        <button
          type="button"
          className={`${secondaryButtonClass} ml-auto text-red-800`}
          aria-label={t('editor.removeNamed', { name })}
          onClick={onRemove}
        >
          {t('editor.remove')}
        </button>
      </div>
    </fieldset>
  );
}

/** A choice field's options as lines of text; each line is an option, its value made from it. */
function OptionLines({
  field,
  path,
  onChange,
}: {
  field: DraftField;
  path: string;
  onChange(patch: Partial<DraftField>): void;
}) {
  const t = useT();
  // The text as typed (blank lines included), so Enter starts a new option.
  const [text, setText] = useState(() => field.options.map((o) => o.label).join('\n'));
  return (
    <TextField
      className="mt-2"
      label={t('guide.options')}
      path={`${path}.options`}
      value={text}
      multiline
      rows={3}
      onChange={(value) => {
        setText(value);
        const labels = value.split('\n').filter((l) => l.trim());
        onChange({
          options: labels.map((label, i) => ({
            key: field.options[i]?.key ?? newKey(),
            label,
            value: slugFrom(label, ''),
          })),
          default: '',
          defaults: [],
        });
      }}
    />
  );
}
