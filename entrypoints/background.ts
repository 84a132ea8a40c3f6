import { defineBackground } from '#imports';
import { registerCommands } from '@/lib/background/commands';
import { registerSidePanel } from '@/lib/background/side-panel';
import { registerPackSync } from '@/lib/background/pack-sync';
import { registerDeadlineAlarm } from '@/lib/background/deadline-alarm';
import { registerAdapterRegistrations } from '@/lib/background/adapter-registrations';
import { registerIdleLock } from '@/lib/crypto/idle';
import { registerRetentionAlarm } from '@/lib/background/retention-alarm';

export default defineBackground(() => {
  registerCommands();
  registerSidePanel();
  registerPackSync();
  registerDeadlineAlarm();
  registerAdapterRegistrations();
  registerIdleLock();
  registerRetentionAlarm();
});
