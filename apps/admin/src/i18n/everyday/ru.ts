import type { EverydayMessages } from './en';

/** Экспорт, подтверждения, справка по импорту, итог размещения — по-русски. */
export const everydayRu: EverydayMessages = {
  app: {
    export: {
      truncated: 'Выгружены только первые %{count} строк: сузьте фильтры, чтобы выгрузить остальные.',
    },
  },
};
