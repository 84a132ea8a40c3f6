import { mountPanel } from '@/components/panel/mount';
import '../panel/style.css';

// The same panel app in the browser's side panel (lib/background/side-panel.ts).
mountPanel(document.getElementById('root')!);
