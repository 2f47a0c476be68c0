import type { CodedMessage } from '@qonys/domain';
import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { translateMessage } from './errors';

/** Renders a stored code + params (timeline line, ledger reason, skipped family) in the UI language. */
export function useTranslateMessage(): (message: CodedMessage) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return useCallback((message: CodedMessage) => translateMessage(message, translate, locale), [translate, locale]);
}
