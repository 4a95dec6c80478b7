/**
 * Keeps package.json's `contributes` in step with the code: the settings with the server's
 * defaults and parser, the commands with what the client registers, the views, the icons and
 * what `.vscodeignore` lets into the package.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from '../../server/src/settings';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Property {
  type?: string | string[];
  default?: unknown;
  scope?: string;
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  items?: { type?: string };
}

interface MenuItem {
  command?: string;
  alt?: string;
  submenu?: string;
  when?: string;
}

type Icon = string | { light: string; dark: string };

interface Manifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  activationEvents?: string[];
  devDependencies: Record<string, string>;
  contributes: {
    configuration: { properties: Record<string, Property> };
    commands: { command: string; title: string; category?: string; icon?: Icon }[];
    menus: Record<string, MenuItem[]>;
    keybindings?: { command: string; when?: string }[];
    viewsWelcome?: { view: string; contents: string; when?: string }[];
    viewsContainers: Record<string, { id: string; title: string; icon: Icon }[]>;
    views: Record<string, { id: string; name: string; icon?: Icon; when?: string }[]>;
  };
}

// Read at run time rather than imported, so each run sees the file as it is on disk.
const manifest = JSON.parse(read('package.json')) as Manifest;
const { contributes } = manifest;
const properties = contributes.configuration.properties;

/** `{ completion: { scope } }` → `completion.scope`: the keys as VS Code names them. */
function flatten(value: object, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'object' && child !== null && !Array.isArray(child)) flatten(child, `${prefix}${key}.`).forEach((v, k) => flat.set(k, v));
    else flat.set(`${prefix}${key}`, child);
  }
  return flat;
}

/** `completion.scope`, value → `{ completion: { scope: value } }`: what the client sends the server. */
function nest(key: string, value: unknown): Record<string, unknown> {
  return key
    .split('.')
    .reduceRight<unknown>((inner, part) => ({ [part]: inner }), value) as Record<string, unknown>;
}

/** The JSON-schema types a value satisfies. */
function jsonTypes(value: unknown): string[] {
  if (Array.isArray(value)) return ['array'];
  if (value === null) return ['null'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['number', 'integer'] : ['number'];
  return [typeof value];
}

const defaults = flatten(defaultSettings);
const settingKey = (property: string) => property.replace(/^glossaryLens\./, '');

describe('contributed settings', () => {
  it('every server setting is contributed as glossaryLens.<key> with the same default and a matching type', () => {
    expect(defaults.size).toBeGreaterThan(0);
    for (const [key, value] of defaults) {
      const property = properties[`glossaryLens.${key}`];
      expect(property, `glossaryLens.${key} is not contributed`).toBeDefined();
      expect(property!.default, `default of glossaryLens.${key}`).toEqual(value);
      const declared = [property!.type ?? []].flat();
      expect(
        declared.some((type) => jsonTypes(value).includes(type)),
        `type of glossaryLens.${key}: ${JSON.stringify(property!.type)} for ${JSON.stringify(value)}`,
      ).toBe(true);
      if (Array.isArray(value) && property!.items?.type) {
        for (const item of value) expect(jsonTypes(item), `items of glossaryLens.${key}`).toContain(property!.items.type);
      }
    }
  });

  it('no contributed setting is unknown to the server', () => {
    for (const name of Object.keys(properties)) {
      expect(name.startsWith('glossaryLens.'), name).toBe(true);
      expect(defaults.has(settingKey(name)), `${name} has no default in server/src/settings.ts`).toBe(true);
    }
  });

  it('every setting has a scope and a description', () => {
    const scopes = ['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'];
    for (const [name, property] of Object.entries(properties)) {
      expect(scopes, `scope of ${name}`).toContain(property.scope);
      expect(property.description ?? property.markdownDescription, `description of ${name}`).toMatch(/\S/);
    }
  });

  it('enum descriptions, when given, describe each enum value', () => {
    for (const [name, property] of Object.entries(properties)) {
      if (!property.enum) continue;
      for (const descriptions of [property.enumDescriptions, property.markdownEnumDescriptions]) {
        if (descriptions) expect(descriptions, `enum descriptions of ${name}`).toHaveLength(property.enum.length);
      }
    }
  });

  it('the default of an enum setting is one of its values', () => {
    for (const [name, property] of Object.entries(properties)) {
      if (property.enum) expect(property.enum, name).toContainEqual(property.default);
    }
  });

  it('the server accepts every enum value the settings UI offers', () => {
    const enums = Object.entries(properties).filter(([, property]) => property.enum);
    expect(enums.length).toBeGreaterThan(0);
    for (const [name, property] of enums) {
      const key = settingKey(name);
      for (const value of property.enum!) {
        const { settings, warnings } = parseSettings(nest(key, value));
        expect(warnings, `${name} = ${JSON.stringify(value)}`).toEqual([]);
        expect(flatten(settings).get(key), `${name} = ${JSON.stringify(value)}`).toBe(value);
      }
    }
  });

  it('the server warns about a value outside an enum and uses the default instead', () => {
    for (const [name, property] of Object.entries(properties)) {
      if (!property.enum) continue;
      const key = settingKey(name);
      const { settings, warnings } = parseSettings(nest(key, 'notAChoice'));
      expect(warnings, name).toHaveLength(1);
      expect(warnings[0], name).toContain(name);
      expect(flatten(settings).get(key), name).toEqual(defaults.get(key));
    }
  });
});

const declaredCommands = new Set(contributes.commands.map((command) => command.command));
const menuItems = Object.values(contributes.menus).flat();

/** Every client source file, as text. */
function clientSources(dir = join(root, 'client', 'src')): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((dirent) => {
    const path = join(dir, dirent.name);
    if (dirent.isDirectory()) return clientSources(path);
    return dirent.name.endsWith('.ts') ? [{ path: relative(root, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

// The extension host is not available in unit tests, so what `activate` registers cannot be
// observed; instead the registrations are found in extension.ts's source text, by the
// 'glossaryLens.x' string literal each one passes.
const extensionSource = read('client/src/extension.ts');
const registered = (command: string) => extensionSource.includes(`'${command}'`);

describe('contributed commands', () => {
  it('every command in a menu is declared', () => {
    const used = menuItems.flatMap((item) => [item.command, item.alt]).filter((command): command is string => command !== undefined);
    expect(used.length).toBeGreaterThan(0);
    for (const command of used) expect(declaredCommands, command).toContain(command);
  });

  it('every command bound to a key is declared', () => {
    for (const { command } of contributes.keybindings ?? []) {
      if (command.startsWith('glossaryLens.')) expect(declaredCommands, command).toContain(command);
    }
  });

  it('every command link in a welcome view is declared', () => {
    const links = (contributes.viewsWelcome ?? []).flatMap((welcome) => [...welcome.contents.matchAll(/\(command:([^)?\s]+)/g)].map((match) => match[1]!));
    expect(links.length).toBeGreaterThan(0);
    for (const command of links) {
      if (command.startsWith('glossaryLens.')) expect(declaredCommands, command).toContain(command);
    }
  });

  it('every declared command is in the "Glossary Lens" category', () => {
    for (const command of contributes.commands) expect(command.category, command.command).toBe('Glossary Lens');
  });

  it('every declared command is registered by the extension', () => {
    expect(declaredCommands.size).toBeGreaterThan(0);
    for (const command of declaredCommands) expect(registered(command), `${command} is not registered in client/src/extension.ts`).toBe(true);
  });

  it('every command the client attaches to a tree item or the status bar is declared and registered', () => {
    const attached = clientSources().flatMap(({ path, text }) => [...text.matchAll(/command\s*[:=]\s*'(glossaryLens\.[\w.]+)'/g)].map((match) => ({ path, command: match[1]! })));
    expect(attached.length).toBeGreaterThan(0);
    for (const { path, command } of attached) {
      expect(declaredCommands, `${command} (${path})`).toContain(command);
      expect(registered(command), `${command} (${path})`).toBe(true);
    }
  });
});

const viewIds = new Set(Object.values(contributes.views).flatMap((views) => views.map((view) => view.id)));
const whenClauses = [...menuItems, ...(contributes.keybindings ?? []), ...(contributes.viewsWelcome ?? [])]
  .map((item) => item.when)
  .filter((when): when is string => when !== undefined);

describe('contributed views', () => {
  it('every view a menu or welcome content names exists', () => {
    const named = [
      ...whenClauses.flatMap((when) => [...when.matchAll(/\bview\s*==\s*([\w.-]+)/g)].map((match) => match[1]!)),
      ...(contributes.viewsWelcome ?? []).map((welcome) => welcome.view),
    ];
    expect(named.length).toBeGreaterThan(0);
    for (const view of named) expect(viewIds, view).toContain(view);
  });

  it("every view's container exists", () => {
    const containers = new Set(Object.values(contributes.viewsContainers).flatMap((list) => list.map((container) => container.id)));
    const builtin = ['explorer', 'scm', 'debug', 'test', 'remote'];
    for (const container of Object.keys(contributes.views)) expect([...containers, ...builtin], container).toContain(container);
  });

  it('every tree item kind a menu names (viewItem == x) is one the client sets', () => {
    const contextValues = new Set(clientSources().flatMap(({ text }) => [...text.matchAll(/contextValue\s*=\s*'([^']+)'/g)].map((match) => match[1]!)));
    for (const when of whenClauses) {
      for (const [, value] of when.matchAll(/\bviewItem\s*==\s*([\w.-]+)/g)) expect(contextValues, when).toContain(value);
    }
  });

  it('every glossaryLens context key a when clause reads is one the client sets', () => {
    const sources = clientSources().map(({ text }) => text).join('\n');
    for (const when of whenClauses) {
      for (const [key] of when.matchAll(/\bglossaryLens\.[\w.]+/g)) {
        if (viewIds.has(key)) continue;
        expect(sources.includes(`'setContext', '${key}'`), `${key} in "${when}" is never set`).toBe(true);
      }
    }
  });
});

/** Every icon path under `contributes` (codicons like `$(search)` are not files). */
function iconPaths(): string[] {
  const icons: Icon[] = [
    ...contributes.commands.flatMap((command) => (command.icon ? [command.icon] : [])),
    ...Object.values(contributes.viewsContainers).flatMap((list) => list.map((container) => container.icon)),
    ...Object.values(contributes.views).flatMap((views) => views.flatMap((view) => (view.icon ? [view.icon] : []))),
  ];
  return icons.flatMap((icon) => (typeof icon === 'string' ? [icon] : [icon.light, icon.dark])).filter((icon) => !icon.startsWith('$('));
}

/** `^1.91.0`, `>=1.91`, `1.91` → `1.91`. */
const minimum = (range: string) => /(\d+)\.(\d+)/.exec(range)?.slice(1, 3).join('.');

describe('the extension manifest', () => {
  it('starts the bundled client', () => {
    expect(manifest.main).toBe('./dist/client.js');
  });

  it('activates once VS Code has started', () => {
    expect(manifest.activationEvents).toContain('onStartupFinished');
  });

  it('asks for the VS Code version whose API types it is compiled against', () => {
    expect(manifest.engines.vscode).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(manifest.devDependencies['@types/vscode'], '@types/vscode must be pinned, not a range that may grow').toMatch(/^\d+\.\d+(\.\d+)?$/);
    expect(minimum(manifest.engines.vscode)).toBe(minimum(manifest.devDependencies['@types/vscode']!));
  });

  it('the icon and every icon under contributes exist', () => {
    const paths = [manifest.icon, ...iconPaths()];
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) expect(existsSync(join(root, path)), path).toBe(true);
  });
});

describe('.vscodeignore', () => {
  const patterns = read('.vscodeignore')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  /** Whether vsce would package `path`: the last pattern matching it decides, `!` re-includes. */
  const packaged = (path: string) => {
    let included = true;
    for (const pattern of patterns) {
      const negated = pattern.startsWith('!');
      if (picomatch(negated ? pattern.slice(1) : pattern, { dot: true })(path)) included = negated;
    }
    return included;
  };

  it('starts by excluding everything', () => {
    expect(patterns[0]).toBe('**');
  });

  it('lets in the bundles, the shipped glossary and the icons', () => {
    const glossaryFiles = readdirSync(join(root, 'glossary')).map((name) => `glossary/${name}`);
    expect(glossaryFiles.length).toBeGreaterThan(0);
    for (const path of ['dist/client.js', 'dist/server.js', manifest.icon, ...iconPaths(), ...glossaryFiles, 'glossary/sub/more.md']) {
      expect(packaged(path), path).toBe(true);
    }
  });

  it('leaves out sources, tests, dependencies and the CLI', () => {
    for (const path of ['client/src/extension.ts', 'server/src/server.ts', 'test/client/manifest.test.ts', 'node_modules/yaml/package.json', 'dist/cli.js', 'tsconfig.json']) {
      expect(packaged(path), path).toBe(false);
    }
  });
});
