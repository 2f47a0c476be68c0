import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** React-admin's default theme in the colours of the Kazakh flag: sky blue and gold. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#00839b' },
    secondary: { main: '#006a7d' },
    warning: { main: '#c79a00' },
  },
};
