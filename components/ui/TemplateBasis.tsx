import type { Template } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';

const toDanishDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * The line under a template's title: its legal basis, source and when they were
 * checked, or, for a template the team lead marked internal (pack format 5),
 * that it is the team's own with no legal basis (and any basis it names).
 */
export function TemplateBasis({ template }: { template: Template }) {
  const t = useT();
  if (template.internal)
    return (
      <p className="text-xs text-slate-700" data-testid="template-basis">
        <span className="font-medium">{t('templates.internal')}</span>
        {template.legalBasis && ` · ${t('templates.legalBasis')}: ${template.legalBasis}`}
      </p>
    );
  return (
    <p className="text-xs text-slate-700" data-testid="template-basis">
      <span className="font-medium">{t('templates.legalBasis')}:</span> {template.legalBasis}{' '}
      <a className="text-sky-800 underline" href={template.sourceUrl} target="_blank" rel="noreferrer noopener">
        {t('templates.source')}
      </a>{' '}
      ({t('templates.checked', { date: toDanishDate(template.checkedAt) })})
    </p>
  );
}
