import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from '../../server/src/settings';

describe('settings', () => {
  it('gives the defaults for nothing at all, with no warning', () => {
    expect(parseSettings(undefined)).toEqual({ settings: defaultSettings, warnings: [] });
    expect(parseSettings({})).toEqual({ settings: defaultSettings, warnings: [] });
  });

  it('keeps valid values and falls back per field, with one warning for each wrong one', () => {
    const { settings, warnings } = parseSettings({
      builtinGlossary: false,
      files: ['docs/**/*.md', 3],
      completion: { scope: 'everywhere' },
      underline: 'sometimes',
      maxFileSize: -1,
      extraGlossaries: ['../shared/terms.md'],
    });
    expect(settings.builtinGlossary).toBe(false);
    expect(settings.completion.scope).toBe('everywhere');
    expect(settings.extraGlossaries).toEqual(['../shared/terms.md']);
    expect(settings.files).toEqual(defaultSettings.files);
    expect(settings.underline).toBe(defaultSettings.underline);
    expect(settings.maxFileSize).toBe(defaultSettings.maxFileSize);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^glossaryLens\.files: .* is not valid; using/);
  });

  it('survives settings that are not an object at all', () => {
    for (const raw of ['yes', 42, [1, 2], null]) {
      const { settings } = parseSettings(raw);
      expect(settings).toEqual(defaultSettings);
    }
    expect(parseSettings('yes').warnings).toEqual(['glossaryLens: expected an object of settings; using the defaults.']);
  });

  it('reads dotted keys as a client may send them flat', () => {
    expect(parseSettings({ 'completion.scope': 'off' }).settings.completion.scope).toBe('off');
  });
});
