import { type Relation } from '@qonys/domain';
import type { CertificateStatus } from '../certificate-status';
import type { PaperLanguage } from '../dto/paper.dto';

/** What a decision letter decides, by the case's status. */
export type DecisionKind = 'approval' | 'rejection' | 'refusal_to_accept' | 'revocation';

export interface PaperLabels {
  country: string;
  certificateTitle: string;
  certificateNumber: string;
  fullName: string;
  latinName: string;
  birthDate: string;
  familyMembers: string;
  noFamilyMembers: string;
  validity: string;
  period: (from: string, to: string) => string;
  issuingRegion: string;
  issuedOn: string;
  applicationNumber: string;
  verifyCaption: string;
  certificateStatus: Record<Exclude<CertificateStatus, 'valid'>, string>;
  relation: Record<Relation, string>;
  decisionTitle: Record<DecisionKind, string>;
  decisionText: Record<DecisionKind, string>;
  /** The approval when family members share it. */
  approvalWithFamily: string;
  region: string;
  applicant: string;
  submittedOn: string;
  decidedOn: string;
  legalGround: string;
  comment: string;
  appeal: string;
  generatedBy: string;
}

export const PAPER_LABELS: Record<PaperLanguage, PaperLabels> = {
  kk: {
    country: 'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ',
    certificateTitle: 'ҚАНДАС КУӘЛІГІ',
    certificateNumber: 'Куәлік нөмірі',
    fullName: 'Тегі, аты, әкесінің аты',
    latinName: 'Латын әліпбиімен',
    birthDate: 'Туған күні',
    familyMembers: 'Куәлік қамтитын отбасы мүшелері',
    noFamilyMembers: 'Жоқ',
    validity: 'Жарамдылық мерзімі',
    period: (from, to) => `${from} бастап ${to} дейін`,
    issuingRegion: 'Берген өңір',
    issuedOn: 'Берілген күні',
    applicationNumber: 'Өтініш нөмірі',
    verifyCaption: 'Куәліктің жарамдылығын QR-код немесе сілтеме арқылы тексеріңіз:',
    certificateStatus: {
      expired: 'КУӘЛІКТІҢ МЕРЗІМІ ӨТКЕН',
      revoked: 'КУӘЛІК КЕРІ ҚАЙТАРЫЛЫП АЛЫНДЫ',
      ended: 'МӘРТЕБЕ ТОҚТАТЫЛДЫ: АЗАМАТТЫҚ',
    },
    relation: {
      applicant: 'өтініш беруші',
      spouse: 'жұбайы',
      child: 'баласы',
      parent: 'ата-анасы',
      sibling: 'бауыры',
      other: 'басқа',
    },
    decisionTitle: {
      approval: 'Қандас мәртебесін беру туралы шешім',
      rejection: 'Қандас мәртебесін беруден бас тарту туралы шешім',
      refusal_to_accept: 'Өтінішті қабылдаудан бас тарту туралы шешім',
      revocation: 'Қандас мәртебесін кері қайтарып алу туралы шешім',
    },
    decisionText: {
      approval: 'Өтініш берушіге қандас мәртебесі берілді.',
      rejection: 'Өтініш берушіге қандас мәртебесін беруден бас тартылды.',
      refusal_to_accept: 'Өтінішті және оған қоса берілген құжаттарды қабылдаудан бас тартылды.',
      revocation: 'Өтініш берушінің қандас мәртебесі кері қайтарылып алынды.',
    },
    approvalWithFamily: 'Өтініш беруші мен төменде аталған отбасы мүшелеріне қандас мәртебесі берілді.',
    region: 'Өңір',
    applicant: 'Өтініш беруші',
    submittedOn: 'Өтініш берілген күн',
    decidedOn: 'Шешім қабылданған күн',
    legalGround: 'Құқықтық негіз',
    comment: 'Түсініктеме',
    appeal: 'Шешімге Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасалуы мүмкін.',
    generatedBy: 'Qonys жүйесінде қалыптастырылды',
  },
  ru: {
    country: 'РЕСПУБЛИКА КАЗАХСТАН',
    certificateTitle: 'УДОСТОВЕРЕНИЕ КАНДАСА',
    certificateNumber: 'Номер удостоверения',
    fullName: 'Фамилия, имя, отчество',
    latinName: 'Латиницей',
    birthDate: 'Дата рождения',
    familyMembers: 'Члены семьи, на которых распространяется удостоверение',
    noFamilyMembers: 'Нет',
    validity: 'Срок действия',
    period: (from, to) => `с ${from} по ${to}`,
    issuingRegion: 'Регион выдачи',
    issuedOn: 'Дата выдачи',
    applicationNumber: 'Номер заявления',
    verifyCaption: 'Проверить действительность удостоверения по QR-коду или ссылке:',
    certificateStatus: {
      expired: 'СРОК ДЕЙСТВИЯ УДОСТОВЕРЕНИЯ ИСТЁК',
      revoked: 'УДОСТОВЕРЕНИЕ ОТОЗВАНО',
      ended: 'СТАТУС ПРЕКРАЩЁН: ГРАЖДАНСТВО',
    },
    relation: {
      applicant: 'заявитель',
      spouse: 'супруг(а)',
      child: 'ребёнок',
      parent: 'родитель',
      sibling: 'брат или сестра',
      other: 'другое',
    },
    decisionTitle: {
      approval: 'Решение о присвоении статуса кандаса',
      rejection: 'Решение об отказе в присвоении статуса кандаса',
      refusal_to_accept: 'Решение об отказе в приёме заявления',
      revocation: 'Решение об отзыве статуса кандаса',
    },
    decisionText: {
      approval: 'Заявителю присвоен статус кандаса.',
      rejection: 'Заявителю отказано в присвоении статуса кандаса.',
      refusal_to_accept: 'Отказано в приёме заявления и приложенных к нему документов.',
      revocation: 'Статус кандаса заявителя отозван.',
    },
    approvalWithFamily: 'Заявителю и указанным ниже членам семьи присвоен статус кандаса.',
    region: 'Регион',
    applicant: 'Заявитель',
    submittedOn: 'Дата подачи заявления',
    decidedOn: 'Дата решения',
    legalGround: 'Правовое основание',
    comment: 'Комментарий',
    appeal: 'Решение может быть обжаловано в порядке, установленном законодательством Республики Казахстан.',
    generatedBy: 'Сформировано в системе Qonys',
  },
};

/** 2026-03-20 → 20.03.2026, as dates are written on Kazakh and Russian paper. */
export const paperDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('.') : '—');

export const fullName = (p: { surname: string; givenName: string; patronymic: string | null }): string =>
  [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ');

export const latinName = (p: {
  surnameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string | null;
}): string => [p.surnameLatin, p.givenNameLatin, p.patronymicLatin].filter(Boolean).join(' ');
