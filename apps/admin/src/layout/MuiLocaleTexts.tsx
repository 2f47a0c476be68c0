import { useMemo, type ReactNode } from 'react';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { enUS, kkKZ, ruRU, type Localization } from '@mui/material/locale';
import { useLocaleState } from 'react-admin';

const MUI_LOCALES: Record<string, Localization> = { kk: kkKZ, ru: ruRU, en: enUS };

type ComponentDefaults = Record<string, { defaultProps?: object } | undefined>;

/** The outer theme with MUI's own texts of one language laid over each component's default props. */
const withTexts =
  (texts: Localization) =>
  (outer: Theme): Theme => {
    const components = { ...(outer.components as ComponentDefaults) };
    for (const [name, localized] of Object.entries((texts.components ?? {}) as ComponentDefaults)) {
      components[name] = {
        ...components[name],
        defaultProps: { ...components[name]?.defaultProps, ...localized?.defaultProps },
      };
    }
    return { ...outer, components: components as Theme['components'] };
  };

/**
 * MUI's built-in texts — Autocomplete's "No options", "Loading…", "Clear", "Open",
 * "Close", an alert's close button — in the UI language. React-admin translates its
 * own texts, but leaves these to MUI, which is English unless told otherwise.
 */
export const MuiLocaleTexts = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  const theme = useMemo(() => withTexts(MUI_LOCALES[locale] ?? kkKZ), [locale]);
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
};
