import { translateIssue } from '@/lib/i18n/validation';
import { useLocale } from './i18n';

/** Why a pack or template file was refused: each validation issue (path and reason) in the caseworker's language. */
export function IssueList({ errors }: { errors: readonly string[] }) {
  const locale = useLocale();
  return (
    <ul className="mt-1 ml-5 list-disc">
      {errors.map((e) => (
        <li key={e}>
          <code>{translateIssue(e, locale)}</code>
        </li>
      ))}
    </ul>
  );
}
