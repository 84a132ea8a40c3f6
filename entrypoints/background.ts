import { defineBackground } from '#imports';
import { registerCommands } from '@/lib/background/commands';

export default defineBackground(() => {
  registerCommands();
});
