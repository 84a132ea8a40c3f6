import type { SidevognDb } from '@/lib/db/database';
import type { Repositories } from '@/lib/repositories';
import type { MessageKey } from '@/lib/i18n/messages';
import { TemplateSettings } from './TemplateSettings';
import { YouSettings } from './YouSettings';
import { ShortcutSettings } from './ShortcutSettings';
import { PackSettings } from '../packs/PackSettings';
import { PackEditor } from '../packs/editor/PackEditor';
import { CaseloadList } from '../summary/CaseloadList';
import { NoteSearchSection } from '../search/NoteSearchSection';
import { NotificationSettings } from '../summary/NotificationSettings';
import { AdapterSettings } from '../adapters/AdapterSettings';
import { PrivacySettings } from '../privacy/PrivacySettings';
import { LockSettings } from '../lock/ChangePassphrase';
import { UsageSettings } from '../usage/UsageSettings';

export interface OptionsSectionProps {
  db: SidevognDb;
  repository: Repositories;
}

/**
 * One section of the options page: its place in the side menu and its address
 * (`options.html#<id>`). `locked` sections hold citizen data or the lock itself:
 * they share the page's one lock gate and are unmounted while Sidevogn is locked.
 */
export interface OptionsSection {
  id: string;
  label: MessageKey;
  locked: boolean;
  Content: (props: OptionsSectionProps) => React.ReactNode;
}

/**
 * The options page, in menu order (locked sections are shown first, above the
 * rest, because they share one lock gate). A new section is one more entry here.
 */
export const OPTIONS_SECTIONS: readonly OptionsSection[] = [
  {
    id: 'borgere',
    label: 'options.nav.citizens',
    locked: true,
    Content: ({ repository }) => <CaseloadList repository={repository} />,
  },
  {
    id: 'noter',
    label: 'options.nav.notes',
    locked: true,
    Content: ({ db, repository }) => <NoteSearchSection db={db} repository={repository} />,
  },
  {
    id: 'pakker',
    label: 'options.nav.packs',
    locked: false,
    Content: ({ repository }) => <Packs repository={repository} />,
  },
  {
    id: 'skabeloner',
    label: 'options.nav.templates',
    locked: false,
    Content: ({ repository }) => (
      <>
        <TemplateSettings repository={repository} />
        <ShortcutSettings repository={repository} />
      </>
    ),
  },
  {
    id: 'tidsbesparelse',
    label: 'options.nav.usage',
    locked: false,
    Content: ({ repository }) => <UsageSettings usage={repository.usage} />,
  },
  {
    id: 'sagssystemer',
    label: 'options.nav.caseSystems',
    locked: false,
    Content: ({ repository }) => <AdapterSettings repository={repository} />,
  },
  {
    id: 'data',
    label: 'options.nav.data',
    locked: true,
    Content: ({ db, repository }) => (
      <>
        <LockSettings db={db} />
        <PrivacySettings db={db} repository={repository} />
      </>
    ),
  },
  { id: 'dig', label: 'options.nav.you', locked: false, Content: () => <You /> },
];

function Packs({ repository }: { repository: Repositories }) {
  return (
    <>
      <PackSettings repository={repository} />
      <PackEditor repository={repository} />
    </>
  );
}

function You() {
  return (
    <>
      <YouSettings />
      <NotificationSettings />
    </>
  );
}
