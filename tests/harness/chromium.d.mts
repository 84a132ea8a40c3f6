import type { Browser, BrowserContext } from '@playwright/test';

export const ROOT: string;
export const EXTENSION_DIR: string;
export const EXTENSION_ID: string;
export function findChromium(): string;
export function assertExtensionBuilt(): void;
export const TEST_TLS_DIR: string;
export function extensionArgs(extensionDir?: string): string[];
export function prepareProfile(
  userDataDir: string,
  options?: { developerMode?: boolean; thirdPartyCookies?: boolean },
): void;
export function removeProfile(userDataDir: string): void;
export function launchWithExtension(
  userDataDir: string,
  options?: {
    headless?: boolean;
    viewport?: { width: number; height: number };
    args?: string[];
    env?: Record<string, string>;
    developerMode?: boolean;
  },
): Promise<{ context: BrowserContext; extensionId: string }>;
export function spawnWithExtension(
  userDataDir: string,
  options?: {
    headless?: boolean;
    extensionDir?: string;
    profile?: { developerMode?: boolean; thirdPartyCookies?: boolean };
  },
): Promise<{
  browser: Browser;
  context: BrowserContext;
  pid: number;
  exe: string | null;
  wsEndpoint: string;
  userDataDir: string;
  stderr(): string;
  kill(): Promise<void>;
  strays: number[];
  processGroup: number;
}>;
export function indexedDbSnapshot(userDataDir: string): string;
export function executableOf(pid: number): string | null;
export function profileProcesses(userDataDir: string): number[];
export function processGroupOf(pid: number): number | null;
