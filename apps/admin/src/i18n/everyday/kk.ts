import type { EverydayMessages } from './en';

/** Экспорт, растау сұрақтары, импорт анықтамасы, орналастыру қорытындысы қазақша. */
export const everydayKk: EverydayMessages = {
  app: {
    export: {
      truncated: 'Тек алғашқы %{count} жол экспортталды: қалғанын алу үшін сүзгілерді тарылтыңыз.',
    },
  },
};
