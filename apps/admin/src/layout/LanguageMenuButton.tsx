import { useState, type MouseEvent } from 'react';
import { Box, Button, Menu, MenuItem } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useLocaleState, useLocales } from 'react-admin';

/**
 * React-admin's LocalesMenuButton with a name: its button has an empty
 * aria-label. The label is the same in every language, so a reader who does
 * not know the current one (and a browser test) still finds it. The choice is
 * kept in react-admin's store (localStorage).
 */
export const LANGUAGE_BUTTON_LABEL = 'Тіл / Язык / Language';

export const LanguageMenuButton = () => {
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = locales.find((entry) => entry.locale === locale);

  const choose = (next: string) => () => {
    setLocale(next);
    setAnchor(null);
  };

  return (
    <>
      <Button
        color="inherit"
        variant="text"
        aria-label={LANGUAGE_BUTTON_LABEL}
        aria-haspopup="true"
        aria-controls={anchor ? 'qonys-language-menu' : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        data-testid="language-menu-button"
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        startIcon={<TranslateIcon />}
        endIcon={<ExpandMoreIcon fontSize="small" />}
        sx={{ minWidth: 0, '& .MuiButton-startIcon': { mr: { xs: 0, sm: 1 } } }}
      >
        {/* On a phone the icon alone, so the title and the user menu keep their room. */}
        <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
          {current?.name ?? locale}
        </Box>
      </Button>
      <Menu id="qonys-language-menu" anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {locales.map((entry) => (
          <MenuItem
            key={entry.locale}
            lang={entry.locale}
            selected={entry.locale === locale}
            onClick={choose(entry.locale)}
          >
            {entry.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
