import { parse } from 'yaml';

/**
 * Where releases are published, as electron-builder's `publish` setting writes it into the app
 * (`resources/app-update.yml`), the file electron-updater reads too: GitHub releases, or a plain
 * HTTPS folder. `null` when the build has no `publish` setting.
 */
export function feedUrlFrom(appUpdateYml: string): string | null {
  const config = parse(appUpdateYml) as { provider?: string; owner?: string; repo?: string; url?: string } | null;
  if (config?.provider === 'github' && config.owner && config.repo) {
    return `https://github.com/${config.owner}/${config.repo}/releases/latest/download`;
  }
  if (config?.provider === 'generic' && config.url?.startsWith('https://')) return config.url.replace(/\/+$/, '');
  return null;
}

/** The release file electron-builder publishes for each platform, naming the newest version. */
export function channelFile(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'win32') return 'latest.yml';
  return 'latest-linux.yml';
}
