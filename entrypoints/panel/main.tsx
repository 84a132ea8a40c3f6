import { mountPanel } from '@/components/panel/mount';
import './style.css';

mountPanel(document.getElementById('root')!);
