/**
 * The default pack, loaded only when it is to be installed: on first run. Its
 * templates and checklists (18 KB) and the pack schema stay out of every
 * later start of the panel, the options page and the service worker.
 */
export const loadDefaultPack = () => import('./default-pack').then((m) => m.defaultPack);
