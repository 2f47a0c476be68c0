import type { CodedMessage } from '@qonys/domain';
import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useFormatCalendarDate } from './CalendarDate';
import { translateMessage } from './errors';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Whether a stored value (a timeline `data.message`, a ledger `reasonCode`) is a coded message. */
export const isCodedMessage = (value: unknown): value is CodedMessage =>
  isObject(value) && typeof value.code === 'string' && (value.params === undefined || isObject(value.params));

/**
 * Renders a stored code + params (timeline line, ledger reason, skipped family) in the
 * UI language; a `date` parameter is written as the UI writes dates.
 */
export function useTranslateMessage(): (message: CodedMessage) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const formatDate = useFormatCalendarDate();
  return useCallback(
    (message: CodedMessage) => {
      const params = { ...message.params };
      if (typeof params.date === 'string') params.date = formatDate(params.date);
      return translateMessage({ code: message.code, params }, translate, locale);
    },
    [translate, locale, formatDate],
  );
}
