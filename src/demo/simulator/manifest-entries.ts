import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A slash command as the Slack app declares it. */
export interface ManifestCommand {
  command: string;
  /** `should_escape`: Slack turns `@someone` in the text into `<@U…|someone>`. */
  shouldEscape: boolean;
  /** What Slack shows after the command as you type it, e.g. `[reset | change]`. */
  usageHint?: string;
}

/** A global shortcut (the ⚡ menu) as the Slack app declares it. */
export interface ManifestShortcut {
  name: string;
  callbackId: string;
}

export interface ManifestEntries {
  commands: ManifestCommand[];
  shortcuts: ManifestShortcut[];
}

/** The repository's manifest.yml: what the simulator offers is what Slack would. */
export function readManifestEntries(path = join(__dirname, '..', '..', '..', 'manifest.yml')): ManifestEntries {
  return parseManifestEntries(readFileSync(path, 'utf8'));
}

/**
 * The slash commands and global shortcuts of a manifest. Reads only the two lists, as the
 * manifest writes them (`- command: /x` items with indented keys), without a YAML library.
 */
export function parseManifestEntries(text: string): ManifestEntries {
  const lists: Record<'slash_commands' | 'shortcuts', Record<string, string>[]> = { slash_commands: [], shortcuts: [] };
  let list: Record<string, string>[] | undefined;
  let listIndent = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/\s+#.*$/, '');
    if (content.trim() === '' || content.trim().startsWith('#')) continue;
    const indent = content.length - content.trimStart().length;
    const heading = /^\s*(slash_commands|shortcuts):\s*$/.exec(content);
    if (heading) {
      list = lists[heading[1] as keyof typeof lists];
      listIndent = indent;
      continue;
    }
    if (!list || indent <= listIndent) {
      list = undefined;
      continue;
    }
    const item = /^\s*(-\s+)?([a-z_]+):\s*(.*)$/.exec(content);
    if (!item) continue;
    if (item[1]) list.push({});
    const current = list[list.length - 1];
    if (current) current[item[2]!] = item[3]!.trim().replace(/^"(.*)"$/, '$1');
  }
  return {
    commands: lists.slash_commands
      .filter((entry) => entry.command?.startsWith('/'))
      .map((entry) => ({
        command: entry.command!,
        shouldEscape: entry.should_escape === 'true',
        ...(entry.usage_hint ? { usageHint: entry.usage_hint } : {}),
      })),
    shortcuts: lists.shortcuts
      .filter((entry) => entry.type === 'global' && entry.callback_id && entry.name)
      .map((entry) => ({ name: entry.name!, callbackId: entry.callback_id! })),
  };
}
